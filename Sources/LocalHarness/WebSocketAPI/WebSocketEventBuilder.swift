import LambdaEvents

/// Builds the events API Gateway sends a WebSocket API's functions, one per connection moment.
///
/// As API Gateway does: the handshake's headers and query string (last value in the single-value
/// maps, every value in the multi-value ones) only with `$connect`, with `X-Forwarded-*` added;
/// a message's text as the body, never base64 (API Gateway takes no binary frames); a few
/// headers and the close code and reason with `$disconnect`.
struct WebSocketEventBuilder: Sendable {
    var apiID: String
    var stage: String

    func connectEvent(
        for handshake: WebSocketHandshake, connection: WebSocketConnection, requestID: String, time: RequestTime
    ) -> APIGatewayWebSocketRequest {
        var headers = handshake.headers
        headers.append("X-Forwarded-For", handshake.sourceIP)
        headers.append("X-Forwarded-Port", String(handshake.serverPort))
        headers.append("X-Forwarded-Proto", "http")
        let query = Self.queryParameters(handshake.rawQueryString)
        return APIGatewayWebSocketRequest(
            headers: Self.lastValues(headers.fields.map { ($0.name, $0.value) }),
            multiValueHeaders: Self.allValues(headers.fields.map { ($0.name, $0.value) }),
            queryStringParameters: query.isEmpty ? nil : Self.lastValues(query),
            multiValueQueryStringParameters: query.isEmpty ? nil : Self.allValues(query),
            requestContext: context(
                routeKey: "$connect", eventType: .connect, connection: connection,
                domainName: handshake.headers["host"],
                requestID: requestID, time: time)
        )
    }

    func messageEvent(
        _ text: String, routeKey: String, connection: WebSocketConnection, domainName: String?, requestID: String,
        time: RequestTime
    ) -> APIGatewayWebSocketRequest {
        var context = context(
            routeKey: routeKey, eventType: .message, connection: connection, domainName: domainName,
            requestID: requestID, time: time)
        context.messageId = ConnectionID.make()
        return APIGatewayWebSocketRequest(requestContext: context, body: text, isBase64Encoded: false)
    }

    func disconnectEvent(
        _ status: DisconnectStatus, connection: WebSocketConnection, domainName: String?, requestID: String,
        time: RequestTime
    ) -> APIGatewayWebSocketRequest {
        var context = context(
            routeKey: "$disconnect", eventType: .disconnect, connection: connection, domainName: domainName,
            requestID: requestID, time: time)
        context.disconnectStatusCode = Int(status.code)
        context.disconnectReason = status.reason
        let headers = [("Host", domainName ?? "localhost"), ("X-Forwarded-For", connection.sourceIP)]
        return APIGatewayWebSocketRequest(
            headers: Self.lastValues(headers), multiValueHeaders: Self.allValues(headers), requestContext: context)
    }

    private func context(
        routeKey: String, eventType: APIGatewayWebSocketRequest.EventType, connection: WebSocketConnection,
        domainName: String?, requestID: String, time: RequestTime
    ) -> APIGatewayWebSocketRequest.RequestContext {
        APIGatewayWebSocketRequest.RequestContext(
            routeKey: routeKey,
            eventType: eventType,
            extendedRequestId: requestID,
            requestTime: time.formatted,
            stage: stage,
            connectedAt: connection.connectedAt.epochMilliseconds,
            requestTimeEpoch: time.epochMilliseconds,
            identity: .init(sourceIp: connection.sourceIP, userAgent: connection.userAgent),
            requestId: requestID,
            domainName: domainName ?? "localhost",
            connectionId: connection.id,
            apiId: apiID
        )
    }

    /// The query string's pairs in order, decoded; a key without `=` has an empty value.
    private static func queryParameters(_ rawQueryString: String) -> [(String, String)] {
        rawQueryString.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentDecoding.decode(parts[0], plusAsSpace: true)
            guard !key.isEmpty else { return nil }
            return (key, parts.count > 1 ? PercentDecoding.decode(parts[1], plusAsSpace: true) : "")
        }
    }

    private static func lastValues(_ pairs: [(String, String)]) -> [String: String] {
        Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    private static func allValues(_ pairs: [(String, String)]) -> [String: [String]] {
        Dictionary(pairs.map { ($0.0, [$0.1]) }, uniquingKeysWith: +)
    }
}
