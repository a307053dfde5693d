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
        if let limit = LimitParameter.read(request, maximum: Self.maximumLimit, errors: &errors) {
            self.limit = limit
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
