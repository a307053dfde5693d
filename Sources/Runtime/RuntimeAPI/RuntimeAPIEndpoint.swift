/// Where the Lambda Runtime API listens, parsed from `AWS_LAMBDA_RUNTIME_API`.
///
/// Lambda sets the value as `host:port`; emulators often give a base URL instead, with a
/// scheme and a path prefix (`http://[::]:9000/.rt`). Both forms are accepted.
public struct RuntimeAPIEndpoint: Hashable, Sendable {
    /// The host name or address, without IPv6 brackets.
    public var host: String
    public var port: Int
    /// A path prefix placed before `/2018-06-01/...`; empty for Lambda itself.
    public var pathPrefix: String

    public init(host: String, port: Int, pathPrefix: String = "") {
        self.host = host
        self.port = port
        self.pathPrefix = pathPrefix
    }

    /// Parses `host:port`, `[v6]:port`, or `http://host:port/prefix`.
    public init?(_ value: String) {
        var rest = Substring(value.trimmingASCIIWhitespace())
        if rest.lowercased().hasPrefix("http://") {
            rest = rest.dropFirst("http://".count)
        } else if rest.contains("://") {
            return nil
        }
        var prefix = ""
        if let slash = rest.firstIndex(of: "/") {
            prefix = String(rest[slash...])
            rest = rest[..<slash]
            while prefix.hasSuffix("/") { prefix.removeLast() }
        }
        let host: Substring
        let portText: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let afterBracket = rest[rest.index(after: close)...]
            guard afterBracket.hasPrefix(":") else { return nil }
            portText = afterBracket.dropFirst()
        } else {
            guard let colon = rest.lastIndex(of: ":") else { return nil }
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (1...65_535).contains(port) else { return nil }
        // `::` and `0.0.0.0` are listen-anywhere addresses; a client reaches them on loopback.
        switch host {
        case "::": self.host = "::1"
        case "0.0.0.0": self.host = "127.0.0.1"
        default: self.host = String(host)
        }
        self.port = port
        self.pathPrefix = prefix
    }

    /// The `host` header value for requests to this endpoint.
    var hostHeader: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension String {
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
