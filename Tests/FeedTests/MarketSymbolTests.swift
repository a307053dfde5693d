import Feed
import Testing

@Suite struct MarketSymbolTests {
    @Test func theExchangeSymbolIsWhatFollowsTheColon() throws {
        let symbol = try #require(MarketSymbol("binance:btcUSDT"))
        #expect(symbol.name == "BINANCE:BTCUSDT")
        #expect(symbol.exchangeSymbol == "BTCUSDT")
    }

    @Test(arguments: [
        "BTCUSDT", ":BTCUSDT", "BINANCE:", "BINANCE:BTC/USDT", "BINANCE:BTC:USDT", "BINANCE:ẞTC",
        "BINANCE:" + String(repeating: "A", count: 25),
    ])
    func malformedSymbolsAreRefused(_ text: String) {
        #expect(MarketSymbol(text) == nil)
    }
}
