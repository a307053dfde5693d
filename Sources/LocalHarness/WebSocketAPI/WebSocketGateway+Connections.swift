import Foundation

extension WebSocketGateway {
    /// Answers a plain HTTP request on the WebSocket API's port: the `@connections` API
    /// (`/@connections/{id}` or `/<stage>/@connections/{id}`, `@` percent-encoded or not), as
    /// API Gateway's management endpoint does; anything else wants an upgrade.
    public func respond(to request: GatewayRequest) -> GatewayResponse {
        let start = ContinuousClock.now
        let path = PercentDecoding.decode(request.rawPath, plusAsSpace: false)
        let prefixes = ["/@connections/", "/\(api.stage)/@connections/"]
        guard let prefix = prefixes.first(where: path.hasPrefix) else {
            return .message(426, "Upgrade Required")
        }
        let id = String(path.dropFirst(prefix.count))
        let response = connectionsResponse(to: request, id: id)
        log(
            WebSocketLogEntry(
                route: "\(request.method) /@connections", connectionID: id, status: response.status,
                duration: ContinuousClock.now - start))
        return response
    }

    private func connectionsResponse(to request: GatewayRequest, id: String) -> GatewayResponse {
        if let refusal = SigV4AuthorizationCheck.refusal(for: request.headers) { return refusal }
        guard ["GET", "POST", "DELETE"].contains(request.method) else {
            return .message(403, "Missing Authentication Token")
        }
        guard ConnectionID.isWellFormed(id) else {
            return Self.exception(400, "BadRequestException", message: "Invalid connectionId: \(id)")
        }
        // A connection that is ending is gone already, though its channel may still be closing.
        guard let connection = connections.connection(id), connection.disconnectStatus == nil else {
            return Self.gone
        }
        switch request.method {
        case "POST":
            guard request.body.count <= configuration.maximumMessageSize else {
                return Self.exception(413, "PayloadTooLargeException", message: "Message too long")
            }
            // Refused when the connection started ending meanwhile, or its client is not reading.
            guard connection.send(text: String(decoding: request.body, as: UTF8.self)) else { return Self.gone }
            return GatewayResponse(status: 200)
        case "DELETE":
            connection.close(.normal)
            return GatewayResponse(status: 204)
        default:
            return GatewayResponse(
                status: 200, headers: [("content-type", "application/json")], body: Self.description(of: connection))
        }
    }

    /// `GetConnection`'s answer, in the member names of the API's wire format.
    private static func description(of connection: WebSocketConnection) -> [UInt8] {
        let identity = ["sourceIp": connection.sourceIP, "userAgent": connection.userAgent ?? ""]
        let object: [String: Any] = [
            "connectedAt": iso8601(connection.connectedAt),
            "identity": identity,
            "lastActiveAt": iso8601(connection.lastActiveAt),
        ]
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Array(data ?? Data())
    }

    /// `2026-11-25T13:00:00.123Z`
    private static func iso8601(_ time: RequestTime) -> String {
        let date = Date(timeIntervalSince1970: Double(time.epochMilliseconds) / 1000)
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// API Gateway's GoneException has no body, only its type.
    private static let gone = GatewayResponse(status: 410, headers: [("x-amzn-ErrorType", "GoneException")])

    private static func exception(_ status: Int, _ type: String, message: String) -> GatewayResponse {
        var response = GatewayResponse.message(status, message)
        response.headers.append("x-amzn-ErrorType", type)
        return response
    }
}
