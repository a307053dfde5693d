import LambdaEvents

/// A watchlist's symbols: an ordered list of at most 1,000 distinct symbols.
public enum WatchlistSymbols {
    public static let maximumCount = 1000

    /// The upper-cased symbols in the order given, or a 422 naming `symbols` or the first bad
    /// element (`symbols[3]`).
    public static func parse(_ value: JSONValue) throws(FieldError) -> [String] {
        guard case .array(let items) = value else { throw .invalidType("symbols", expected: "an array of symbols") }
        guard items.count <= maximumCount else {
            throw FieldError(field: "symbols", code: "too_long", message: "must hold at most \(maximumCount) symbols")
        }
        var symbols: [String] = []
        symbols.reserveCapacity(items.count)
        var firstIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let field = "symbols[\(index)]"
            let symbol = try Symbol.parse(item, field: field)
            // Distinct after upper-casing: `aapl` repeats `AAPL`.
            if let earlier = firstIndex[symbol] {
                throw FieldError(field: field, code: "duplicate", message: "repeats symbols[\(earlier)]")
            }
            firstIndex[symbol] = index
            symbols.append(symbol)
        }
        return symbols
    }
}
