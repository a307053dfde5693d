import Foundation
import LocalHarness

/// What `chronoview-local serve` prints once it listens: both servers' URLs, the routes, and how
/// to reach the functions through Lambda's Invoke API.
///
/// The servers start side by side; the banner comes when both have their ports, in one piece,
/// so that it names the ports they bound (with 0 asked, the ones picked).
actor ServeBanner {
    private let host: String
    private let api: ServerlessTemplate
    private let documentPath: String
    /// Bound before the others start; `nil` when the template has no WebSocket API.
    private let webSocketPort: Int?
    /// Whether the app is served at `/` beside the API.
    private let servesApp: Bool
    private var httpAPIPort: Int?
    private var invokeAPIPort: Int?

    init(host: String, api: ServerlessTemplate, documentPath: String, webSocketPort: Int?, servesApp: Bool) {
        self.host = host
        self.api = api
        self.documentPath = documentPath
        self.webSocketPort = webSocketPort
        self.servesApp = servesApp
    }

    func httpAPIListens(on port: Int) {
        httpAPIPort = port
        printOnceBothListen()
    }

    func invokeAPIListens(on port: Int) {
        invokeAPIPort = port
        printOnceBothListen()
    }

    private func printOnceBothListen() {
        guard let httpAPIPort, let invokeAPIPort else { return }
        var extra: [(method: String, path: String, target: String)] = []
        if FileManager.default.fileExists(atPath: documentPath) {
            extra.append(
                (
                    "GET", HTTPAPIGateway.openAPIDocumentRoute,
                    "(\(URL(fileURLWithPath: documentPath).lastPathComponent))"
                ))
        }
        let functionCount = api.functions.count
        var lines = servesApp ? ["ChronoView app on \(url(port: httpAPIPort))/ (open it in a browser)"] : []
        lines += [
            "ChronoView API on \(url(port: httpAPIPort)) (\(functionCount) function\(functionCount == 1 ? "" : "s"))"
        ]
        lines += RouteListing.lines(for: api.routes, extra: extra).map { "  " + $0 }
        if let cors = api.cors {
            lines.append("CORS for \(cors.allowOrigins.joined(separator: ", "))")
        }
        let invokeURL = url(port: invokeAPIPort)
        let example = api.functions.first?.name ?? "<name>"
        lines.append(
            "Lambda Invoke API on \(invokeURL) "
                + "(aws lambda invoke --endpoint-url \(invokeURL) --function-name \(example) out.json)")
        lines.append("  by name, logical id or ARN: \(api.functions.map(\.name).joined(separator: ", "))")
        if let webSocketPort, let webSocketAPI = api.webSocketAPI {
            let address = String(url(port: webSocketPort).dropFirst("http".count))
            lines.append("WebSocket API on ws\(address) (@connections at http\(address)/@connections/{id})")
            for route in webSocketAPI.routes.values.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(route.key) → \(route.functionName)")
            }
        }
        lines.append("Ctrl-C stops.")
        ServeCommand.printLine(lines.joined(separator: "\n"), to: 1)
    }

    private func url(port: Int) -> String {
        Self.url(host: host, port: port)
    }

    static func url(host: String, port: Int) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}
