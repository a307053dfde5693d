import Core
import LambdaEvents

/// A symbol the feed follows: ChronoView's name for it (`BINANCE:BTCUSDT`) and the exchange's
/// (`BTCUSDT`, what Binance's API takes).
public struct MarketSymbol: Sendable, Hashable {
    public var name: String
    public var exchangeSymbol: String

    /// Reads `EXCHANGE:SYMBOL` in any case, upper-casing it; `nil` unless the exchange uses
    /// only `A-Z 0-9 . _ -`, the symbol only `A-Z 0-9`, and the whole is a valid ChronoView
    /// symbol (at most ``Symbol/maximumLength`` characters).
    public init?(_ text: some StringProtocol) {
        guard let name = try? Symbol.parse(.string(String(text)), field: "symbol"),
            let colon = name.firstIndex(of: ":")
        else { return nil }
        let exchange = name[..<colon]
        let symbol = name[name.index(after: colon)...]
        guard !exchange.isEmpty,
            exchange.unicodeScalars.allSatisfy({ Self.isAlphanumeric($0) || ".-_".unicodeScalars.contains($0) }),
            !symbol.isEmpty, symbol.unicodeScalars.allSatisfy(Self.isAlphanumeric)
        else { return nil }
        self.name = name
        exchangeSymbol = String(symbol)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
