/// The `?limit=` of a listing: a whole number from 1 to a maximum.
enum LimitParameter {
    /// The limit asked for; `nil` when absent, or when bad (recorded as a 422 naming `limit`).
    static func read(_ request: HTTPRequest, maximum: Int, errors: inout ValidationErrors) -> Int? {
        guard let text = request.queryParameter("limit") else { return nil }
        // Digits only: `+5`, ` 5` or `5.0` are not the whole number the contract asks for.
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let value = Int(text)
        else {
            errors.add(field: "limit", code: "invalid", message: "must be a whole number from 1 to \(maximum)")
            return nil
        }
        guard (1...maximum).contains(value) else {
            errors.add(field: "limit", code: "out_of_range", message: "must be from 1 to \(maximum)")
            return nil
        }
        return value
    }
}
