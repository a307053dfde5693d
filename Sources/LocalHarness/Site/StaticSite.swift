import Foundation

/// Plays the part of the app's bucket behind CloudFront: the built single-page app, with the
/// cache headers the pipeline uploads it with, `index.html` for the app's own routes (what the
/// distribution's viewer-request function does), and the security headers CloudFront adds.
///
/// Also answers `/config.json`, which the pipeline writes into the bucket: where the realtime
/// WebSocket API is. Locally that is this machine's WebSocket port, named by the host the page
/// was loaded from, so that the app works wherever its origin is.
public struct StaticSite: Sendable {
    /// The folder of the built app: `index.html` and `assets/`.
    public var root: String
    /// The local WebSocket API's port; `nil` leaves realtime out of `config.json`.
    public var webSocketPort: Int?

    public init(root: String, webSocketPort: Int?) {
        self.root = root
        self.webSocketPort = webSocketPort
    }

    /// The file that CloudFront's viewer-request function serves for the app's routes.
    static let indexDocument = "/index.html"
    static let configurationDocument = "/config.json"

    /// Answers a request that the distribution sends to the app's bucket.
    public func respond(to request: GatewayRequest) -> GatewayResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .message(403, "Forbidden")
        }
        let hostName = Self.hostName(request.headers["host"])
        var response: GatewayResponse
        if request.rawPath == Self.configurationDocument {
            response = configuration(hostName: hostName)
        } else {
            response = file(at: Self.objectKey(for: request.rawPath))
        }
        for field in SecurityHeaders.fields(realtimeOrigin: realtimeOrigin(hostName: hostName)) {
            response.headers.append(field.name, field.value)
        }
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    /// The key of the object a path reads, after the viewer-request function: a last segment
    /// without a dot is one of the app's routes.
    static func objectKey(for rawPath: String) -> String {
        let last = rawPath.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        return last.contains(".") ? rawPath : indexDocument
    }

    private func file(at key: String) -> GatewayResponse {
        guard let relativePath = Self.relativePath(of: key), Self.isFile(root + "/" + relativePath),
            let contents = FileManager.default.contents(atPath: root + "/" + relativePath)
        else {
            return .notFound
        }
        // Hashed assets never change under their name; the page must be revalidated to find new ones.
        let cacheControl =
            relativePath.hasPrefix("assets/") ? "public, max-age=31536000, immutable" : "no-cache"
        return GatewayResponse(
            status: 200,
            headers: [("content-type", MediaType.of(fileName: relativePath)), ("cache-control", cacheControl)],
            body: Array(contents))
    }

    private func configuration(hostName: String) -> GatewayResponse {
        var fields: [String] = []
        if let origin = realtimeOrigin(hostName: hostName) {
            fields.append("\"realtimeUrl\":\"\(origin)/\"")
        }
        return GatewayResponse(
            status: 200,
            headers: [("content-type", "application/json"), ("cache-control", "no-cache")],
            body: Array("{\(fields.joined(separator: ","))}".utf8))
    }

    private func realtimeOrigin(hostName: String) -> String? {
        webSocketPort.map { "ws://\(hostName):\($0)" }
    }

    /// The decoded path below the root, or `nil` when it could leave the root or names no file.
    static func relativePath(of key: String) -> String? {
        let decoded = PercentDecoding.decode(key, plusAsSpace: false)
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard decoded.hasPrefix("/"), !segments.isEmpty,
            segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") && !$0.contains("\\") })
        else {
            return nil
        }
        return segments.joined(separator: "/")
    }

    /// Whether `path` is there and not a folder: S3 has no folders to read.
    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The host name of a `Host` header, without its port; only a name or address is kept, so
    /// that nothing a client sends can shape the headers or the JSON beyond it.
    static func hostName(_ host: String?) -> String {
        let fallback = "127.0.0.1"
        guard let host, !host.isEmpty else { return fallback }
        let name: Substring
        if host.hasPrefix("[") {
            name = host.prefix { $0 != "]" } + "]"
        } else {
            name = host.prefix { $0 != ":" }
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-[]:")
        return !name.isEmpty && name.allSatisfy(allowed.contains) ? String(name) : fallback
    }
}
