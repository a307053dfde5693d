/// `SendMessageBatch`'s request and answer in SQS's JSON protocol (AWS JSON 1.0).
enum SQSSendMessageBatch {
    /// SQS takes at most 10 messages in one call.
    static let maximumEntries = 10
    /// ... and at most 256 KiB of message bodies in all.
    static let maximumBytes = 256 * 1024

    struct Request: Encodable {
        var queueURL: String
        var entries: [Entry]

        enum CodingKeys: String, CodingKey {
            case queueURL = "QueueUrl"
            case entries = "Entries"
        }
    }

    struct Entry: Encodable {
        /// Unique within the call: the answer names entries by it.
        var id: String
        var messageBody: String

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case messageBody = "MessageBody"
        }
    }

    struct Response: Decodable {
        var successful: [Success]
        var failed: [Failure]

        enum CodingKeys: String, CodingKey {
            case successful = "Successful"
            case failed = "Failed"
        }

        init(from decoder: any Decoder) throws {
            // SQS leaves out a list that would be empty.
            let container = try decoder.container(keyedBy: CodingKeys.self)
            successful = try container.decodeIfPresent([Success].self, forKey: .successful) ?? []
            failed = try container.decodeIfPresent([Failure].self, forKey: .failed) ?? []
        }
    }

    struct Success: Decodable {
        var id: String

        enum CodingKeys: String, CodingKey {
            case id = "Id"
        }
    }

    struct Failure: Decodable {
        var id: String
        /// True when the message itself is at fault: sending it again would fail again.
        var senderFault: Bool
        var code: String
        var message: String?

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case senderFault = "SenderFault"
            case code = "Code"
            case message = "Message"
        }
    }

    /// The body of an error answer: `{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": ...}`.
    struct ErrorBody: Decodable {
        var type: String?
        var message: String?

        enum CodingKeys: String, CodingKey {
            case type = "__type"
            case message
            case capitalizedMessage = "Message"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(String.self, forKey: .type)
            message =
                try container.decodeIfPresent(String.self, forKey: .message)
                ?? container.decodeIfPresent(String.self, forKey: .capitalizedMessage)
        }
    }
}
