import NIOCore
import NIOHTTP1

/// A complete HTTP response from the Runtime API.
struct RuntimeAPIResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer?
}
