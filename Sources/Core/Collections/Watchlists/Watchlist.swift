/// A watchlist's own fields: `{name, symbols}`.
public struct Watchlist: Sendable, Hashable, Encodable {
    public var name: String
    /// In the order the user arranged them.
    public var symbols: [String]

    public init(name: String, symbols: [String]) {
        self.name = name
        self.symbols = symbols
    }
}
