import LambdaEvents

/// What `GET /api/candles` asks for: `symbol` and `interval` (required), `from` (inclusive) and
/// `to` (exclusive) compared with each bucket's open time, and `limit` (1 to 1,000, default 500).
public struct CandleQuery: Sendable, Hashable {
    public static let defaultLimit = 500
    public static let maximumLimit = 1000

    /// Upper-cased, as stored.
    public var symbol: String
    public var interval: CandleInterval
    /// Microseconds since the epoch.
    public var from: Int64?
    /// Microseconds since the epoch.
    public var to: Int64?
    public var limit: Int

    public init(
        symbol: String, interval: CandleInterval, from: Int64? = nil, to: Int64? = nil, limit: Int = defaultLimit
    ) {
        self.symbol = symbol
        self.interval = interval
        self.from = from
        self.to = to
        self.limit = limit
    }

    /// Reads the query string, or throws a 422 naming every bad field.
    public init(_ request: HTTPRequest) throws(APIError) {
        var errors = ValidationErrors()
        var symbol: String?
        var interval: CandleInterval?
        do throws(FieldError) {
            guard let text = request.queryParameter("symbol") else { throw .required("symbol") }
            symbol = try Symbol.parse(.string(text), field: "symbol")
        } catch {
            errors.add(error)
        }
        do throws(FieldError) {
            guard let text = request.queryParameter("interval") else { throw .required("interval") }
            interval = try ChartInterval.parse(text)
        } catch {
            errors.add(error)
        }
        let from = Self.time("from", in: request, errors: &errors)
        let to = Self.time("to", in: request, errors: &errors)
        if let from, let to, from >= to {
            errors.add(field: "to", code: "out_of_range", message: "must be after from")
        }
        let limit = LimitParameter.read(request, maximum: Self.maximumLimit, errors: &errors)
        try errors.check()
        self.init(symbol: symbol!, interval: interval!, from: from, to: to, limit: limit ?? Self.defaultLimit)
    }

    private static func time(_ name: String, in request: HTTPRequest, errors: inout ValidationErrors) -> Int64? {
        guard let text = request.queryParameter(name) else { return nil }
        guard let microseconds = RFC3339.microseconds(text) else {
            errors.add(
                field: name, code: "invalid", message: "must be an RFC 3339 date-time such as 2026-11-25T13:00:00Z")
            return nil
        }
        return microseconds
    }
}
