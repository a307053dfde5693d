/// Which page of a collection a listing asks for: `?limit=` (1 to 100, default 50) and `?cursor=`.
public struct PageRequest: Sendable, Hashable {
    public static let defaultLimit = 50
    public static let maximumLimit = 100

    public var limit: Int
    /// Where the page starts (after this position); `nil` for the first page.
    public var after: PageCursor?

    public init(limit: Int = defaultLimit, after: PageCursor? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Reads `limit` and `cursor`, recording a 422 naming each one that is bad.
    public init(_ request: HTTPRequest, errors: inout ValidationErrors) {
        self.init()
        if let text = request.queryParameter("limit") {
            // Digits only: `+5`, ` 5` or `5.0` are not the whole number the contract asks for.
            if !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let value = Int(text)
            {
                if (1...Self.maximumLimit).contains(value) {
                    limit = value
                } else {
                    errors.add(field: "limit", code: "out_of_range", message: "must be from 1 to \(Self.maximumLimit)")
                }
            } else {
                errors.add(
                    field: "limit", code: "invalid", message: "must be a whole number from 1 to \(Self.maximumLimit)")
            }
        }
        if let text = request.queryParameter("cursor") {
            if let cursor = PageCursor(text: text) {
                after = cursor
            } else {
                errors.add(field: "cursor", code: "invalid", message: "is not a cursor this API returned")
            }
        }
    }
}
