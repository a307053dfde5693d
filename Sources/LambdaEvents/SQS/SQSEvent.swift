/// What an SQS event source mapping hands a function: a batch of messages of one queue.
public struct SQSEvent: Codable, Sendable, Hashable {
    public var records: [Message]

    public init(records: [Message]) {
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }

    /// One message of the batch. Attributes the functions do not use are left out.
    public struct Message: Codable, Sendable, Hashable {
        /// What a partial batch response names a failed message by.
        public var messageId: String
        public var receiptHandle: String?
        public var body: String
        public var attributes: [String: String]?
        public var md5OfBody: String?
        /// `aws:sqs`.
        public var eventSource: String?
        public var eventSourceARN: String?
        public var awsRegion: String?

        public init(
            messageId: String, receiptHandle: String? = nil, body: String, attributes: [String: String]? = nil,
            md5OfBody: String? = nil, eventSource: String? = "aws:sqs", eventSourceARN: String? = nil,
            awsRegion: String? = nil
        ) {
            self.messageId = messageId
            self.receiptHandle = receiptHandle
            self.body = body
            self.attributes = attributes
            self.md5OfBody = md5OfBody
            self.eventSource = eventSource
            self.eventSourceARN = eventSourceARN
            self.awsRegion = awsRegion
        }
    }
}
