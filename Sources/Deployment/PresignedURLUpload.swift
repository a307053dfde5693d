import Core
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A one-off HTTPS `PUT` of a body to a pre-signed URL (CloudFormation's response URL).
enum PresignedURLUpload {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Plain HTTP is allowed only to this machine, where a stand-in for S3 listens (the tests'):
    /// CloudFormation's response URLs are HTTPS.
    static let loopbackHosts: Set = ["127.0.0.1", "localhost"]

    static func put(_ body: [UInt8], to urlString: String, eventLoop: any EventLoop) async throws {
        guard let url = URLComponents(string: urlString), let host = url.host,
            url.scheme == "https" || (url.scheme == "http" && loopbackHosts.contains(host))
        else {
            throw Failure(description: "the response URL is not an https URL")
        }
        let port = url.port ?? (url.scheme == "https" ? 443 : 80)
        let path =
            (url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath)
            + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        let tls = url.scheme == "https" ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let status = eventLoop.makePromise(of: HTTPResponseStatus.self)
        let channel = try await ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(StatusCatcher(promise: status))
                }
            }
            .connect(host: host, port: port)
            .get()
        var headers = HTTPHeaders()
        headers.add(name: "host", value: host)
        // The URL is signed for an empty content type.
        headers.add(name: "content-type", value: "")
        headers.add(name: "content-length", value: String(body.count))
        headers.add(name: "connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .PUT, uri: path, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        let answer = try await status.futureResult.get()
        try? await channel.close()
        guard (200..<300).contains(answer.code) else {
            throw Failure(description: "the response URL answered \(answer.code)")
        }
    }

    /// Completes with the response status, or fails if the connection ends first.
    private final class StatusCatcher: ChannelInboundHandler {
        typealias InboundIn = HTTPClientResponsePart
        private var promise: EventLoopPromise<HTTPResponseStatus>?

        init(promise: EventLoopPromise<HTTPResponseStatus>) {
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head(let head) = unwrapInboundIn(data) {
                promise?.succeed(head.status)
                promise = nil
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise?.fail(Failure(description: "the connection closed before an answer"))
            promise = nil
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise?.fail(error)
            promise = nil
            context.close(promise: nil)
        }
    }
}
