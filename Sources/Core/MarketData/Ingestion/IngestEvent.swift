import LambdaEvents

/// The two events the `Ingest` function takes (API.md, "Ingestion"): a direct invocation with
/// `{"candles": [...]}`, or an SQS batch whose every message body is such an event.
public enum IngestEvent: Decodable, Sendable {
    case direct(candles: [JSONValue])
    case queue(SQSEvent)

    enum CodingKeys: String, CodingKey {
        case candles
        case records = "Records"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.records) {
            self = .queue(try SQSEvent(from: decoder))
        } else if container.contains(.candles) {
            self = .direct(candles: try Self.candles(in: container.decode(JSONValue.self, forKey: .candles)))
        } else {
            throw IngestEventError("the event has neither candles nor SQS Records")
        }
    }

    /// The candles of a `{"candles": [...]}` event, at most ``IngestMessage/maximumCandles``.
    static func candles(in value: JSONValue) throws(IngestEventError) -> [JSONValue] {
        guard case .array(let candles) = value else { throw IngestEventError("candles must be an array") }
        guard candles.count <= IngestMessage.maximumCandles else {
            throw IngestEventError(
                "an event carries at most \(IngestMessage.maximumCandles) candles, not \(candles.count)")
        }
        return candles
    }

    /// The candles of an SQS message's body, read as strictly as a request body and with every
    /// number as written, so that a price no `Decimal` holds is one candle's rejection.
    public static func candles(inBody body: String) throws(IngestEventError) -> [JSONValue] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body.utf8)
        } catch {
            throw IngestEventError("the message body is not JSON: \(error)")
        }
        guard case .object(let fields) = value, let candles = fields["candles"] else {
            throw IngestEventError("the message body must be a JSON object with candles")
        }
        return try Self.candles(in: candles)
    }
}

/// An ingestion event, or one message of it, that is not an ingestion at all.
public struct IngestEventError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
