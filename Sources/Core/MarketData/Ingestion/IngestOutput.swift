import LambdaEvents

/// What the `Ingest` function answers: a report to a direct invocation, a partial batch
/// response to SQS.
public enum IngestOutput: Encodable, Sendable {
    case report(IngestReport)
    case batch(SQSBatchResponse)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .report(let report): try report.encode(to: encoder)
        case .batch(let response): try response.encode(to: encoder)
        }
    }
}

/// `{"accepted": N, "rejected": [{"index": i, "reason": "..."}]}`: how many candles of a direct
/// invocation were stored, and why each other one was not.
public struct IngestReport: Codable, Sendable, Hashable {
    public var accepted: Int
    public var rejected: [Rejected]

    public init(accepted: Int, rejected: [Rejected]) {
        self.accepted = accepted
        self.rejected = rejected
    }

    public struct Rejected: Codable, Sendable, Hashable {
        /// The candle's position in the event, from 0.
        public var index: Int
        public var reason: String

        public init(index: Int, reason: String) {
            self.index = index
            self.reason = reason
        }
    }
}
