import AWSSigning
import Core
import Feed
import Testing

@Suite struct MarketFeedSettingsTests {
    static let environment = [
        "MARKET_SYMBOLS": " binance:btcusdt, BINANCE:ETHUSDT ,,BINANCE:BTCUSDT",
        "KLINES_BASE_URL": "https://api.binance.com/",
        "CANDLES_QUEUE_URL": "https://sqs.eu-west-1.amazonaws.com/123456789012/candles",
        "AWS_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "AKID",
        "AWS_SECRET_ACCESS_KEY": "secret",
        "AWS_SESSION_TOKEN": "token",
    ]

    static func read(_ changes: [String: String]) throws(ConfigurationError) -> MarketFeedSettings? {
        try MarketFeedSettings.read(EnvironmentVariables(environment.merging(changes) { $1 }))
    }

    @Test func readsTheSymbolsOnceEachAndDefaults() throws {
        let settings = try #require(try Self.read([:]))
        #expect(settings.symbols.map(\.name) == ["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"])
        #expect(settings.klinesBaseURL == "https://api.binance.com")
        #expect(settings.minutes == 5)
        #expect(settings.sqsEndpoint == "https://sqs.eu-west-1.amazonaws.com")
        #expect(
            settings.credentials
                == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
    }

    @Test func theSDKsEndpointVariableOverridesSQSs() throws {
        let settings = try #require(try Self.read(["AWS_ENDPOINT_URL_SQS": "http://127.0.0.1:4566"]))
        #expect(settings.sqsEndpoint == "http://127.0.0.1:4566")
    }

    @Test(arguments: ["", " , "])
    func noSymbolsMeansTheFeedIsOffWhateverElseIsMissing(_ symbols: String) throws {
        #expect(try MarketFeedSettings.read(EnvironmentVariables(["MARKET_SYMBOLS": symbols])) == nil)
        #expect(try MarketFeedSettings.read(EnvironmentVariables([:])) == nil)
    }

    @Test(arguments: [
        ("MARKET_SYMBOLS", "BTCUSDT", "MARKET_SYMBOLS"),
        ("MARKET_FEED_MINUTES", "1000", "MARKET_FEED_MINUTES"),
        ("MARKET_FEED_MINUTES", "five", "MARKET_FEED_MINUTES"),
        ("KLINES_BASE_URL", "", "KLINES_BASE_URL"),
        ("KLINES_BASE_URL", "api.binance.com", "KLINES_BASE_URL"),
        ("CANDLES_QUEUE_URL", "", "CANDLES_QUEUE_URL"),
        ("AWS_ENDPOINT_URL_SQS", "localhost:4566", "AWS_ENDPOINT_URL_SQS"),
        ("AWS_REGION", "", "AWS_REGION"),
        ("AWS_SECRET_ACCESS_KEY", "", "AWS_ACCESS_KEY_ID"),
    ])
    func aBadSettingIsAnErrorNamingTheVariable(_ name: String, _ value: String, _ named: String) {
        #expect {
            try Self.read([name: value])
        } throws: { error in
            (error as? ConfigurationError)?.variable == named
        }
    }
}
