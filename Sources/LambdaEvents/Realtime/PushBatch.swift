/// What `Ingest` hands the `Push` function (an `Event` invocation): messages of the realtime API
/// (API.md, "Realtime"), each for some connections.
///
/// `Ingest` runs in the VPC, which cannot reach API Gateway's management API without a NAT
/// gateway; `Push` runs outside it and sends the messages through `POST @connections/{id}`.
public struct PushBatch: Codable, Sendable, Hashable {
    public struct Message: Codable, Sendable, Hashable {
        /// The connections to send it to, each once.
        public var connectionIds: [String]
        /// The message's JSON text, sent as it is.
        public var data: String

        public init(connectionIds: [String], data: String) {
            self.connectionIds = connectionIds
            self.data = data
        }
    }

    /// In the order each connection is to receive them.
    public var messages: [Message]

    public init(messages: [Message]) {
        self.messages = messages
    }
}
