import NIOCore
import NIOHTTP1

/// A whole HTTP response: its status, headers and body.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer

    /// How long the server asked to wait before trying again, when `retry-after` gives a number
    /// of seconds (the form Binance and AWS use; an HTTP date is ignored).
    var retryAfter: TimeAmount? {
        let words = headers.first(name: "retry-after")?.split(separator: " ") ?? []
        guard words.count == 1, let seconds = Int64(words[0]), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }

    /// The start of the body, for an error message.
    var bodyExcerpt: String {
        String(decoding: body.readableBytesView.prefix(200), as: UTF8.self)
    }
}
