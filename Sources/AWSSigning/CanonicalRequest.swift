/// The canonical form of a request (Signature Version 4's first task): what the signature
/// covers, written so that client and service build the same text from the same request.
struct CanonicalRequest {
    /// The lower-cased names of the signed headers, sorted and joined with `;`.
    let signedHeaders: String
    let text: String

    /// - Parameter payloadHash: the body's SHA-256 in lower-case hexadecimal.
    init(_ request: SignableRequest, payloadHash: String) {
        let headers = Self.canonicalHeaders(request.headers)
        signedHeaders = Self.signedHeaders(headers)
        text = [
            request.method,
            Self.canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
    }

    /// The path with `.` and `..` segments resolved and empty segments dropped, each segment
    /// then percent-encoded: since `path` is already encoded as sent, this is the double
    /// encoding every service but S3 expects.
    static func canonicalURI(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            switch part {
            case "", ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(part)
            }
        }
        guard !segments.isEmpty else { return "/" }
        let last = parts.last ?? ""
        let endsWithSlash = last.isEmpty || last == "." || last == ".."
        return "/" + segments.map { URIEncoding.encode($0.utf8) }.joined(separator: "/") + (endsWithSlash ? "/" : "")
    }

    /// Each name and value decoded and encoded again, sorted by name and then value.
    static func canonicalQuery(_ query: String) -> String {
        query.split(separator: "&")
            .map { pair -> (name: String, value: String) in
                let equals = pair.firstIndex(of: "=")
                let name = pair[..<(equals ?? pair.endIndex)]
                let value = equals.map { pair[pair.index(after: $0)...] } ?? ""
                return (URIEncoding.encode(URIEncoding.decode(name)), URIEncoding.encode(URIEncoding.decode(value)))
            }
            // Encoded text is ASCII, so comparing UTF-8 bytes is comparing code points.
            .sorted {
                $0.name == $1.name
                    ? $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
                    : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// One entry per lower-cased name, sorted; the values of a repeated name joined with `,` in
    /// their order, each trimmed and with every run of white space made a single space.
    static func canonicalHeaders(_ headers: [SignableRequest.Header]) -> [(name: String, value: String)] {
        var values: [String: [String]] = [:]
        for header in headers {
            values[header.name.lowercased(), default: []].append(normalizedValue(header.value))
        }
        return values.map { ($0.key, $0.value.joined(separator: ",")) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The names of `headers` (as ``canonicalHeaders(_:)`` gives them) joined with `;`: a presigned
    /// request states them in its query before its canonical form is built.
    static func signedHeaders(_ headers: [(name: String, value: String)]) -> String {
        headers.map(\.name).joined(separator: ";")
    }

    /// Folded lines (a value continued on the next line) count as white space too.
    private static func normalizedValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            .joined(separator: " ")
    }
}
