/// Collects every field's failure so that one 422 lists them all.
public struct ValidationErrors: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ error: FieldError) {
        // One message a field is enough: the first problem found is the one to fix.
        guard !errors.contains(where: { $0.field == error.field }) else { return }
        errors.append(error)
    }

    public mutating func add(field: String, code: String, message: String) {
        add(FieldError(field: field, code: code, message: message))
    }

    public var isEmpty: Bool { errors.isEmpty }

    /// Throws a 422 listing the errors, if there are any.
    public func check() throws(APIError) {
        if !errors.isEmpty { throw .validationFailed(errors) }
    }
}
