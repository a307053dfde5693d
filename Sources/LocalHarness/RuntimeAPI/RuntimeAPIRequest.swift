import NIOCore
import NIOHTTP1

/// A complete request from a runtime to the Runtime API.
struct RuntimeAPIRequest: Sendable {
    var route: RuntimeAPIRoute
    var headers: HTTPHeaders
    /// The body, or `nil` when it was over ``PayloadLimit`` and so not kept.
    var body: ByteBuffer?
    /// The body's full length, kept even when the body was dropped for its size.
    var bodySize: Int
}
