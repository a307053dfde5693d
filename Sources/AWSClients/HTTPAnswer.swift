import NIOCore
import NIOHTTP1

/// A whole HTTP response: its status, headers and body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: ByteBuffer

    public init(status: Int, headers: HTTPHeaders, body: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// How long the server asked to wait before trying again, when `retry-after` gives a number
    /// of seconds (the form Binance and AWS use; an HTTP date is ignored).
    public var retryAfter: TimeAmount? {
        let words = headers.first(name: "retry-after")?.split(separator: " ") ?? []
        guard words.count == 1, let seconds = Int64(words[0]), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }

    /// The start of the body, for an error message.
    public var bodyExcerpt: String {
        String(decoding: body.readableBytesView.prefix(200), as: UTF8.self)
    }
}
