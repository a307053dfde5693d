import NIOCore
import NIOHTTP1

/// Serves one runtime's HTTP/1.1 connection: gathers each request and hands it to the
/// environment named in its path prefix.
final class RuntimeAPIConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let registry: EnvironmentRegistry
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var bodySize = 0
    // A runtime's connection serves one environment: look it up once.
    private var environment: ExecutionEnvironment?

    init(registry: EnvironmentRegistry) {
        self.registry = registry
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = nil
            bodySize = 0
            // curl (behind many shell and C++ runtimes) waits for this before sending a large body.
            if head.headers.first(name: "expect")?.lowercased() == "100-continue" {
                let interim = HTTPResponseHead(version: head.version, status: .continue)
                context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
            }
        case .body(var part):
            bodySize += part.readableBytes
            if bodySize > PayloadLimit.bytes {
                // Counted, not kept: the runtime will get a 413, and memory stays bounded.
                body = nil
            } else if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let reply = dispatch(head, channel: context.channel)
            body = nil
            reply?.write(to: context.channel, version: head.version, keepAlive: head.isKeepAlive)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        environment?.connectionClosed(ObjectIdentifier(context.channel))
        context.fireChannelInactive()
    }

    private func dispatch(_ head: HTTPRequestHead, channel: any Channel) -> RuntimeAPIReply? {
        let target: RuntimeAPIRoute.Target
        switch RuntimeAPIRoute.parse(method: head.method, uri: head.uri) {
        case .success(let parsed): target = parsed
        case .failure(.notFound): return .notFound
        case .failure(.methodNotAllowed): return .methodNotAllowed
        }
        let environment: ExecutionEnvironment
        if let cached = self.environment, cached.id == target.environmentID {
            environment = cached
        } else if let found = registry.environment(withID: target.environmentID) {
            environment = found
            self.environment = found
        } else {
            return .containerError("No execution environment \(target.environmentID): it was shut down")
        }
        let request = RuntimeAPIRequest(route: target.route, headers: head.headers, body: body, bodySize: bodySize)
        let parked = ParkedNextRequest(channel: channel, version: head.version, keepAlive: head.isKeepAlive)
        return environment.handle(request, parked: parked)
    }
}
