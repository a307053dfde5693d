import LambdaEvents

extension JSONValue {
    /// The value as a string, or a 422 `invalid_type` naming `field`.
    func string(field: String) throws(FieldError) -> String {
        guard case .string(let text) = self else { throw .invalidType(field, expected: "a string") }
        return text
    }
}
