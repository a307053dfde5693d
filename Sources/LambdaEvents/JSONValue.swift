#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Any JSON value: a request body, a chart's layout, or the parts of AWS events whose shape the
/// function defines (a Lambda authorizer's context, say).
///
/// Read with ``init(parsing:maximumDepth:)`` and written with ``jsonText`` or ``JSONValueEncoder``,
/// a number keeps its text (``JSONNumber``). `Codable` is for AWS events that go through
/// `JSONDecoder` and `JSONEncoder`, which know numbers only as values: decoded, a number is the
/// text of the `Decimal` it reads as (`1.0` becomes `1`, and one no `Decimal` holds fails to
/// decode); encoded, it is written as the `Decimal` it equals.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            guard let number = JSONNumber(value) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not a JSON number")
            }
            self = .number(number)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Only reached through an encoder other than JSONValueEncoder, which writes the text.
            guard let decimal = value.decimal else {
                throw EncodingError.invalidValue(
                    self,
                    EncodingError.Context(
                        codingPath: encoder.codingPath,
                        debugDescription: "no Decimal holds \(value); JSONValueEncoder writes it as it is"))
            }
            try container.encode(decimal)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
