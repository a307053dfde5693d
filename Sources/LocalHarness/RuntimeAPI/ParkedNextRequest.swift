import NIOCore
import NIOHTTP1

/// A `GET /next` the environment holds open until an invocation arrives, as Lambda does.
struct ParkedNextRequest: Sendable {
    let channel: any Channel
    let version: HTTPVersion
    let keepAlive: Bool

    var connection: ObjectIdentifier { ObjectIdentifier(channel) }

    /// Answers the request from any thread.
    func answer(with reply: RuntimeAPIReply) {
        if channel.eventLoop.inEventLoop {
            reply.write(to: channel, version: version, keepAlive: keepAlive)
        } else {
            let channel = self.channel
            let version = self.version
            let keepAlive = self.keepAlive
            channel.eventLoop.execute { reply.write(to: channel, version: version, keepAlive: keepAlive) }
        }
    }
}
