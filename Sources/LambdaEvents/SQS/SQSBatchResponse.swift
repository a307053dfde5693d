/// A partial batch response (`ReportBatchItemFailures`): the messages that were not processed
/// and should be delivered again; every other message of the batch is deleted from the queue.
public struct SQSBatchResponse: Codable, Sendable, Hashable {
    public var batchItemFailures: [ItemFailure]

    public init(batchItemFailures: [ItemFailure]) {
        self.batchItemFailures = batchItemFailures
    }

    public struct ItemFailure: Codable, Sendable, Hashable {
        /// The failed message's `messageId`.
        public var itemIdentifier: String

        public init(itemIdentifier: String) {
            self.itemIdentifier = itemIdentifier
        }
    }
}
