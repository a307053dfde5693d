import Foundation
import LambdaEvents
import NIOCore

/// Plays API Gateway's part for one WebSocket API: runs `$connect` for a handshake, routes each
/// message to its function and returns the route response, runs `$disconnect` once a
/// connection ends, and answers the `@connections` API.
///
/// Independent of any server: the server hands it handshakes, messages and ended connections.
public struct WebSocketGateway: Sendable {
    /// The API served: its routes, how it selects a message's route, its stage.
    public let api: WebSocketAPIDefinition
    /// Runs the routes' functions: the local Lambda service.
    public let invoker: any FunctionInvoker
    /// The limits and timeouts connections are held to.
    public let configuration: WebSocketAPIConfiguration
    /// The open connections, shared with the server.
    public let connections: WebSocketConnectionRegistry
    /// Receives one entry per connection moment and `@connections` request.
    public let log: @Sendable (WebSocketLogEntry) -> Void
    /// Built from `api`, which is why neither changes after `init`.
    private let eventBuilder: WebSocketEventBuilder

    public init(
        api: WebSocketAPIDefinition,
        invoker: any FunctionInvoker,
        configuration: WebSocketAPIConfiguration = WebSocketAPIConfiguration(),
        log: @escaping @Sendable (WebSocketLogEntry) -> Void = { _ in }
    ) {
        self.api = api
        self.invoker = invoker
        self.configuration = configuration
        self.connections = WebSocketConnectionRegistry()
        self.log = log
        self.eventBuilder = WebSocketEventBuilder(apiID: api.logicalID, stage: api.stage)
    }

    /// Decides a handshake as API Gateway does: on the API's path (`/` or `/<stage>`), the
    /// `$connect` route's function accepts it with a 2xx status and refuses it with any other,
    /// its body going to the client; a failing function refuses it for the function.
    public func connect(_ handshake: WebSocketHandshake, connection: WebSocketConnection) async -> HandshakeDecision {
        let path = handshake.rawPath.hasSuffix("/") ? String(handshake.rawPath.dropLast()) : handshake.rawPath
        guard path.isEmpty || path == "/\(api.stage)" else {
            return .refuse(.message(403, "Forbidden"))
        }
        guard let route = api.routes["$connect"] else { return .accept([]) }
        let start = ContinuousClock.now
        let requestID = GatewayRequestID.make()
        let event = eventBuilder.connectEvent(
            for: handshake, connection: connection, requestID: requestID, time: .now())
        var entry = WebSocketLogEntry(
            route: route.key, connectionID: connection.id, functionName: route.functionName, status: 0,
            duration: .zero)
        defer {
            entry.duration = ContinuousClock.now - start
            log(entry)
        }
        let answer = await invoke(route, event: event, entry: &entry)
        guard case .answered(let response) = answer else {
            return .refuse(answer.gatewayResponse)
        }
        entry.status = response.statusCode
        guard (200..<300).contains(response.statusCode) else {
            var headers = HTTPHeaderList(
                (response.headers ?? [:]).map { HTTPHeaderField(name: $0.key, value: $0.value) })
            if headers["content-type"] == nil, response.body != nil { headers.append("content-type", "text/plain") }
            return .refuse(
                GatewayResponse(status: response.statusCode, headers: headers, body: Self.bytes(of: response) ?? []))
        }
        // The one header of the function's that reaches the client: the chosen subprotocol.
        let subprotocol = response.headers?.first { $0.key.lowercased() == "sec-websocket-protocol" }?.value
        return .accept(subprotocol.map { [("Sec-WebSocket-Protocol", $0)] } ?? [])
    }

    /// Runs a text message's route; with a route response, sends the function's body back.
    /// Without a route for the message, or when the function fails, API Gateway tells the client.
    public func receive(_ text: String, from connection: WebSocketConnection, domainName: String?) async {
        let start = ContinuousClock.now
        let requestID = GatewayRequestID.make()
        guard let route = api.route(forMessage: text) else {
            connection.send(text: Self.errorMessage("Forbidden", connection: connection, requestID: requestID))
            log(
                WebSocketLogEntry(
                    route: "$default", connectionID: connection.id, status: 403, duration: ContinuousClock.now - start,
                    problem: "no route for the message and no $default route"))
            return
        }
        let event = eventBuilder.messageEvent(
            text, routeKey: route.key, connection: connection, domainName: domainName, requestID: requestID,
            time: .now())
        var entry = WebSocketLogEntry(
            route: route.key, connectionID: connection.id, functionName: route.functionName, status: 0,
            duration: .zero)
        switch await invoke(route, event: event, entry: &entry) {
        case .answered(let response):
            entry.status = response.statusCode
            if route.hasRouteResponse, let body = Self.bytes(of: response), !body.isEmpty {
                connection.send(text: String(decoding: body, as: UTF8.self))
            }
        case let failure:
            connection.send(
                text: Self.errorMessage(failure.clientMessage, connection: connection, requestID: requestID))
        }
        entry.duration = ContinuousClock.now - start
        log(entry)
    }

    /// Runs `$disconnect` for a connection that has ended, with the cause it recorded (a
    /// connection that vanished recorded none: 1006).
    public func disconnect(_ connection: WebSocketConnection, domainName: String?) async {
        let status = connection.disconnectStatus ?? .abnormal
        let start = ContinuousClock.now
        guard let route = api.routes["$disconnect"] else {
            log(
                WebSocketLogEntry(
                    route: "$disconnect", connectionID: connection.id, status: 200, duration: .zero,
                    disconnectStatus: status))
            return
        }
        let requestID = GatewayRequestID.make()
        let event = eventBuilder.disconnectEvent(
            status, connection: connection, domainName: domainName, requestID: requestID, time: .now())
        var entry = WebSocketLogEntry(
            route: route.key, connectionID: connection.id, functionName: route.functionName, status: 0,
            duration: .zero, disconnectStatus: status)
        if case .answered(let response) = await invoke(route, event: event, entry: &entry) {
            entry.status = response.statusCode
        }
        entry.duration = ContinuousClock.now - start
        log(entry)
    }

    /// What became of an integration's call, as API Gateway reads it.
    private enum Answer {
        case answered(APIGatewayWebSocketResponse)
        case functionFailed
        case timedOut
        case notInvoked

        /// The handshake's refusal for a failure.
        var gatewayResponse: GatewayResponse {
            switch self {
            case .timedOut: .message(504, "Endpoint request timed out")
            default: .message(502, "Internal server error")
            }
        }

        /// What API Gateway tells the client when a message's integration fails.
        var clientMessage: String {
            switch self {
            case .timedOut: "Endpoint request timed out"
            default: "Internal server error"
            }
        }
    }

    private func invoke(
        _ route: WebSocketRoute, event: APIGatewayWebSocketRequest, entry: inout WebSocketLogEntry
    ) async -> Answer {
        let payload: ByteBuffer
        do {
            payload = try IntegrationPayload.encode(event)
        } catch {
            entry.status = 500
            entry.problem = "the event could not be encoded: \(error)"
            return .notInvoked
        }
        switch await invoker.invoke(route.functionName, payload: payload, within: route.integrationTimeout) {
        case .timedOut:
            entry.status = 504
            entry.problem = "no response within the integration timeout of \(route.integrationTimeout)"
            return .timedOut
        case .failed(let error):
            entry.status = 500
            entry.problem = "the invocation failed: \(error)"
            return .notInvoked
        case .finished(let result):
            entry.initDuration = result.report.initDuration
            switch result.outcome {
            case .functionError(let errorType, _):
                entry.status = 502
                entry.problem = "the function failed: \(errorType)"
                return .functionFailed
            case .success(let payload):
                guard let response = Self.response(from: payload) else {
                    entry.status = 502
                    entry.problem = "the function's answer is not a response with a statusCode"
                    return .functionFailed
                }
                return .answered(response)
            }
        }
    }

    /// The function's answer; `null` (a function that returns nothing) counts as 200.
    private static func response(from payload: ByteBuffer) -> APIGatewayWebSocketResponse? {
        let bytes = Data(payload.readableBytesView)
        if String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "null" {
            return APIGatewayWebSocketResponse(statusCode: 200)
        }
        return try? JSONDecoder().decode(APIGatewayWebSocketResponse.self, from: bytes)
    }

    private static func bytes(of response: APIGatewayWebSocketResponse) -> [UInt8]? {
        guard let body = response.body else { return nil }
        guard response.isBase64Encoded == true else { return Array(body.utf8) }
        return Data(base64Encoded: body).map(Array.init)
    }

    /// API Gateway's own message to a client: `{"message": ..., "connectionId": ..., "requestId": ...}`.
    private static func errorMessage(_ message: String, connection: WebSocketConnection, requestID: String) -> String {
        #"{"message": "\#(message)", "connectionId":"\#(connection.id)", "requestId":"\#(requestID)"}"#
    }
}
