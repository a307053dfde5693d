/// One field that failed validation, as listed in a 422's `errors`.
public struct FieldError: Error, Sendable, Hashable, Codable {
    /// The field's name in the request (`email`, `symbols[3]`, or a query parameter like `limit`).
    public var field: String
    /// `required`, `invalid_type`, `invalid`, `too_short`, `too_long`, `duplicate`, `out_of_range`...
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public static func required(_ field: String) -> FieldError {
        FieldError(field: field, code: "required", message: "is required")
    }

    public static func invalidType(_ field: String, expected: String) -> FieldError {
        FieldError(field: field, code: "invalid_type", message: "must be \(expected)")
    }
}
