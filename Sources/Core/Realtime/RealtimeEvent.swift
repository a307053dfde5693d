import LambdaEvents

/// What invokes the `Realtime` function: API Gateway with a WebSocket event, or the schedule
/// that sweeps connections whose `$disconnect` never came (`{"action": "sweep"}`).
public enum RealtimeEvent: Sendable, Decodable {
    case webSocket(APIGatewayWebSocketRequest)
    case sweep
    /// Connections API Gateway answered 410 Gone for (``GoneConnections``, from `Push`).
    case forget([String])

    private enum CodingKeys: String, CodingKey {
        case requestContext, action
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.requestContext) {
            self = .webSocket(try APIGatewayWebSocketRequest(from: decoder))
            return
        }
        switch try container.decodeIfPresent(String.self, forKey: .action) {
        case "sweep":
            self = .sweep
        case GoneConnections.action:
            self = .forget(try GoneConnections(from: decoder).connectionIds)
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "neither a WebSocket event, a sweep nor gone connections"))
        }
    }
}
