import NIOCore
import NIOHTTP1

/// A `GET /next` the environment holds open until an invocation arrives, as Lambda does.
struct ParkedNextRequest: Sendable {
    let channel: any Channel
    let version: HTTPVersion
    let keepAlive: Bool

    var connection: ObjectIdentifier { ObjectIdentifier(channel) }

    /// Runs `work` on the connection's event loop: at once when already there.
    func onEventLoop(_ work: @escaping @Sendable () -> Void) {
        if channel.eventLoop.inEventLoop {
            work()
        } else {
            channel.eventLoop.execute(work)
        }
    }

    /// Writes `reply` as the answer; call on the connection's event loop.
    func answer(with reply: RuntimeAPIReply) {
        reply.write(to: channel, version: version, keepAlive: keepAlive)
    }
}
