import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Serves an ``HTTPAPIGateway`` over HTTP/1.1 on a local address, as `sam local start-api` does.
public struct HTTPAPIServer: Sendable {
    public var gateway: HTTPAPIGateway
    public var host: String
    /// 0 picks a free port; the one bound is passed to `onListening`.
    public var port: Int

    /// API Gateway's payload quota for HTTP APIs: larger requests get 413 without reaching a function.
    public static let maximumPayloadSize = 10 * 1024 * 1024

    public init(gateway: HTTPAPIGateway, host: String = "127.0.0.1", port: Int = 3000) {
        self.gateway = gateway
        self.host = host
        self.port = port
    }

    /// The server as a service: it runs until its task is cancelled or a graceful shutdown is
    /// triggered, and then closes its port. `onListening` receives the bound port.
    public func makeService(
        logger: Logger = Logger(label: "chronoview.http-api"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some Service {
        let gateway = gateway
        let responder = CallbackResponder { (request: Request, context: GatewayRequestContext) in
            await Self.respond(to: request, context: context, gateway: gateway)
        }
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    private static func respond(to request: Request, context: GatewayRequestContext, gateway: HTTPAPIGateway) async
        -> Response
    {
        var headers = HTTPHeaderList()
        for field in request.headers {
            headers.append(field.name.rawName, field.value)
        }
        var gatewayRequest = GatewayRequest(
            method: request.method.rawValue,
            target: request.head.path ?? "/",
            headers: headers,
            sourceIP: context.remoteAddress?.ipAddress ?? "127.0.0.1",
            serverPort: context.localAddress?.port ?? 0
        )
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumPayloadSize {
            return makeResponse(.requestEntityTooLarge)
        }
        do {
            gatewayRequest.body = Array(buffer: try await request.body.collect(upTo: maximumPayloadSize))
        } catch {
            return makeResponse(.requestEntityTooLarge)
        }
        return makeResponse(await gateway.respond(to: gatewayRequest))
    }

    private static func makeResponse(_ response: GatewayResponse) -> Response {
        var fields = HTTPFields()
        for field in response.headers.fields {
            // A function may return a header name HTTP does not allow; API Gateway drops those too.
            guard let name = HTTPField.Name(field.name) else { continue }
            fields.append(HTTPField(name: name, value: field.value))
        }
        return Response(
            status: HTTPResponse.Status(code: response.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body))
        )
    }
}
