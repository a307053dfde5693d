import LambdaEvents

/// A request body that is a JSON object, read field by field with the contract's rules: a missing
/// required field or one of the wrong JSON type is recorded as a 422 naming it; unknown fields are ignored.
public struct JSONObject: Sendable {
    public let fields: [String: JSONValue]

    public init(_ fields: [String: JSONValue]) {
        self.fields = fields
    }

    public func contains(_ key: String) -> Bool { fields[key] != nil }

    /// A string field; `nil` (with an error recorded when `required`, or when present but not a
    /// string, `null` included).
    public func string(_ key: String, required: Bool, errors: inout ValidationErrors) -> String? {
        switch fields[key] {
        case .string(let value): return value
        case nil:
            if required { errors.add(.required(key)) }
            return nil
        default:
            // `null` included: it is a value of the wrong type, not a field left out.
            errors.add(.invalidType(key, expected: "a string"))
            return nil
        }
    }

    /// A field's raw JSON value, recording `required` when it is absent and must be there.
    public func value(_ key: String, required: Bool, errors: inout ValidationErrors) -> JSONValue? {
        guard let value = fields[key] else {
            if required { errors.add(.required(key)) }
            return nil
        }
        return value
    }
}
