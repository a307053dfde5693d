/// An HTTP request as it will be sent, which is what Signature Version 4 signs.
///
/// `path` and `query` are written as they go on the wire (percent-encoded where the URL needs it):
/// the signer encodes the path once more, as AWS services other than S3 expect, and re-encodes
/// each query name and value after decoding it. A `+` in the query is a plus sign, not a space.
public struct SignableRequest: Sendable, Hashable {
    /// One header line; a name may appear more than once.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    /// The absolute path, `/` at least.
    public var path: String
    /// What follows the `?`, or empty.
    public var query: String
    /// Every header to sign, `host` among them (AWS requires it).
    public var headers: [Header]
    public var body: [UInt8]

    public init(method: String, path: String, query: String = "", headers: [Header], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A request for `url` (`https://sqs.us-east-1.amazonaws.com/`, say), with a `host` header
    /// taken from the URL's authority unless `headers` has one; `nil` when `url` is not an
    /// absolute `http` or `https` URL.
    public init?(method: String, url: String, headers: [Header] = [], body: [UInt8] = []) {
        guard let parts = URLParts(url) else { return nil }
        var headers = headers
        if !headers.contains(where: { $0.name.lowercased() == "host" }) {
            headers.insert(Header("host", parts.authority), at: 0)
        }
        self.init(method: method, path: parts.path, query: parts.query, headers: headers, body: body)
    }
}
