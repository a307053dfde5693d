import Core
import Foundation
import LambdaEvents
import Testing

/// One candle of an ingestion, read on its own: what is stored, and why a bad one is refused.
@Suite struct MinuteCandleTests {
    static let now = epochSeconds("2026-11-25T13:00:30Z")

    static func candle(_ overrides: [String: JSONValue] = [:]) -> JSONValue {
        var fields: [String: JSONValue] = [
            "symbol": .string("binance:btcusdt"), "t": .string("2026-11-25T12:59:00.000Z"),
            "o": .string("100.50"), "h": .number(JSONNumber("101.25")!), "l": .string("99"),
            "c": .string("100.75"), "v": .string("0"),
        ]
        for (key, value) in overrides { fields[key] = value }
        return .object(fields)
    }

    static func reason(_ overrides: [String: JSONValue], oldest: Int64? = nil) -> String? {
        do throws(CandleRejection) {
            _ = try MinuteCandle.read(candle(overrides), now: now, oldest: oldest)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aValidCandleKeepsItsDigitsAndUpperCasesItsSymbol() throws {
        let candle = try MinuteCandle.read(Self.candle(), now: Self.now)
        #expect(candle.symbol == "BINANCE:BTCUSDT")
        #expect(candle.minute == epochSeconds("2026-11-25T12:59:00Z"))
        #expect(
            [candle.open, candle.high, candle.low, candle.close, candle.volume] == [
                "100.50", "101.25", "99", "100.75", "0",
            ])
    }

    @Test func eachBadFieldIsNamedInTheReason() {
        let refused: [([String: JSONValue], String)] = [
            (["symbol": .string("BTC USD")], "symbol:"),
            (["symbol": .null], "symbol: must not be null"),
            (["t": .string("2026-11-25T12:59:30Z")], "t: must be on a whole minute"),
            (["t": .string("2026-11-25 12:59")], "t: must be an RFC 3339"),
            (["t": .number(1)], "t: must be a string"),
            (["t": .string("2026-11-25T13:06:00Z")], "t: is more than 5 minutes in the future"),
            (["o": .string("-1")], "o:"),
            (["o": .string("0")], "o: must be greater than 0"),
            (["c": .string("1e3")], "c:"),
            (["v": .string("-0.5")], "v:"),
            (["v": .bool(true)], "v: must be a non-negative decimal"),
            (["h": .string("100.60")], "h: must not be below o, c or l"),
            (["l": .string("100.60")], "l: must not be above o or c"),
            (["o": .string("0.000000001")], "o: must have at most 8 decimal places"),
        ]
        for (overrides, expected) in refused {
            let reason = Self.reason(overrides)
            #expect(reason?.hasPrefix(expected) == true, "\(overrides): \(reason ?? "accepted")")
        }
        #expect(Self.reason([:], oldest: epochSeconds("2026-11-25T13:00:00Z"))?.hasPrefix("t: is older") == true)
        #expect(throws: CandleRejection.self) { try MinuteCandle.read(.array([]), now: Self.now) }
    }

    @Test func aCandleFiveMinutesAheadIsStillAccepted() {
        #expect(Self.reason(["t": .string("2026-11-25T13:05:00Z")]) == nil)
    }
}

/// RFC 3339 date-times, read exactly.
@Suite struct RFC3339Tests {
    @Test func readsUTCOffsetsAndFractions() {
        #expect(RFC3339.microseconds("1970-01-01T00:00:00Z") == 0)
        #expect(RFC3339.microseconds("2026-11-25T13:00:00.123Z") == 1_795_611_600_123_000)
        #expect(RFC3339.microseconds("2026-11-25T14:00:00.123+01:00") == 1_795_611_600_123_000)
        #expect(RFC3339.microseconds("2026-11-25t13:00:00.1234567z") == 1_795_611_600_123_456)
        #expect(RFC3339.microseconds("2024-02-29T00:00:00-00:30") == 1_709_166_600_000_000)
        #expect(RFC3339.microseconds("1969-12-31T23:59:59Z") == -1_000_000)
    }

    @Test func refusesWhatIsNotADateTime() {
        for text in [
            "", "2026-11-25", "2026-11-25T13:00:00", "2026-11-25 13:00:00Z", "2023-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T13:00:60Z", "2026-11-25T13:00:00.Z",
            "2026-11-25T13:00:00+0100", "+2026-11-25T13:00:00Z", "2026-11-25T13:00:00Z ",
        ] {
            #expect(RFC3339.microseconds(text) == nil, "\(text)")
        }
    }
}
