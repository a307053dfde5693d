/// What `Push` hands the `Realtime` function (an `Event` invocation) when API Gateway answered
/// 410 Gone for some connections: `{"action": "forget", "connectionIds": [...]}`, so that they
/// are forgotten at once rather than at the next sweep.
public struct GoneConnections: Codable, Sendable, Hashable {
    public static let action = "forget"

    public var action: String
    public var connectionIds: [String]

    public init(connectionIds: [String]) {
        self.action = Self.action
        self.connectionIds = connectionIds
    }
}
