import Core
import Foundation
import TestSupport
import Testing

/// A chart's own fields: name, symbol, interval and layout, at their boundaries.
@Suite struct ChartTests {
    static func body(
        name: String = "\"Daily\"", symbol: String = "\"AAPL\"", interval: String = "\"1d\"", layout: String? = nil
    ) -> String {
        var fields = [#""name":\#(name)"#, #""symbol":\#(symbol)"#, #""interval":\#(interval)"#]
        if let layout { fields.append(#""layout":\#(layout)"#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    @Test func aChartIsStoredAsGivenWithAnEmptyLayoutByDefault() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let created = await client.create(Self.body(symbol: #""binance:btcusdt""#))
            #expect(created.status == 201)
            #expect(created.json["name"] as? String == "Daily")
            #expect(created.json["symbol"] as? String == "BINANCE:BTCUSDT")
            #expect(created.json["interval"] as? String == "1d")
            #expect((created.json["layout"] as? [String: Any])?.isEmpty == true)
        }
    }

    @Test func missingAndMistypedFieldsAreAllNamed() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let empty = await client.create("{}")
            #expect(empty.status == 422)
            #expect(empty.code == "validation_failed")
            #expect(empty.errorCodes == ["name": "required", "symbol": "required", "interval": "required"])
            let nulls = await client.create(#"{"name":null,"symbol":"AAPL","interval":"1d","layout":null}"#)
            #expect(nulls.errorCodes == ["name": "invalid_type", "layout": "invalid_type"])
            let mistyped = await client.create(#"{"name":1,"symbol":["AAPL"],"interval":true,"layout":"{}"}"#)
            #expect(
                mistyped.errorCodes == [
                    "name": "invalid_type", "symbol": "invalid_type", "interval": "invalid_type",
                    "layout": "invalid_type",
                ])
        }
    }

    @Test func namesAreTrimmedAndHoldOneToAHundredCharacters() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let hundred = String(repeating: "é", count: 100)
            let atLimit = await client.create(Self.body(name: Self.quoted("  \(hundred)\n")))
            #expect(atLimit.status == 201)
            #expect(atLimit.json["name"] as? String == hundred)
            let over = await client.create(Self.body(name: Self.quoted(hundred + "e")))
            #expect(over.errorCodes == ["name": "too_long"])
            #expect(await client.create(Self.body(name: #""""#)).errorCodes == ["name": "too_short"])
            #expect(await client.create(Self.body(name: #""   ""#)).errorCodes == ["name": "too_short"])
            for control in [#""a\u0000b""#, #""a\tb""#, #""a\u007Fb""#, #""a\u0085b""#] {
                #expect(await client.create(Self.body(name: control)).errorCodes == ["name": "invalid"], "\(control)")
            }
            // Astral characters count as one each, as PostgreSQL counts them.
            let emoji = String(repeating: "📈", count: 100)
            #expect(await client.create(Self.body(name: Self.quoted(emoji))).status == 201)
        }
    }

    @Test func symbolsAreOneToThirtyTwoAllowedCharactersUpperCased() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let thirtyTwo = "nasdaq:" + String(repeating: "a", count: 25)
            let atLimit = await client.create(Self.body(symbol: Self.quoted(thirtyTwo)))
            #expect(atLimit.status == 201)
            #expect(atLimit.json["symbol"] as? String == thirtyTwo.uppercased())
            #expect(
                await client.create(Self.body(symbol: Self.quoted(thirtyTwo + "A"))).errorCodes == [
                    "symbol": "too_long"
                ])
            #expect(await client.create(Self.body(symbol: #""""#)).errorCodes == ["symbol": "too_short"])
            for symbol in ["EUR/USD", "BRK.B", "ES_F", "BTC-PERP", "0700:HK"] {
                let created = await client.create(Self.body(symbol: Self.quoted(symbol.lowercased())))
                #expect(created.json["symbol"] as? String == symbol, "\(symbol)")
            }
            // Letters that only become A-Z through Unicode case mapping are not let in.
            for symbol in ["AAPL ", "AA PL", "AAPL!", "ÄAPL", "straße", "ıbm", "ＡＡＰＬ", "AAPL\\n"] {
                #expect(
                    await client.create(Self.body(symbol: Self.quoted(symbol))).errorCodes == ["symbol": "invalid"],
                    "\(symbol)")
            }
        }
    }

    @Test func intervalsAreTheThirteenListedCaseSensitively() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            for interval in ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w", "1M"] {
                let created = await client.create(Self.body(interval: Self.quoted(interval)))
                #expect(created.json["interval"] as? String == interval)
            }
            for interval in ["1D", "1H", "2m", "1y", "", " 1d", "1min"] {
                #expect(
                    await client.create(Self.body(interval: Self.quoted(interval))).errorCodes == [
                        "interval": "invalid"
                    ], "\(interval)")
            }
        }
    }

    @Test func aLayoutIsAnyObjectUpTo65536CompactBytes() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            // {"d":"xxx...x"} is 8 bytes of frame around the string.
            let exact = #"{"d":"\#(String(repeating: "x", count: 65_536 - 8))"}"#
            #expect(exact.utf8.count == 65_536)
            #expect(await client.create(Self.body(layout: exact)).status == 201)
            let over = #"{"d":"\#(String(repeating: "x", count: 65_536 - 7))"}"#
            let refused = await client.create(Self.body(layout: over))
            #expect(refused.errorCodes == ["layout": "too_long"])
            // Multi-byte characters count in bytes of UTF-8.
            let euros = #"{"d":"\#(String(repeating: "€", count: 21_843))"}"#
            #expect(euros.utf8.count == 65_537)
            #expect(await client.create(Self.body(layout: euros)).errorCodes == ["layout": "too_long"])
            // The request's whitespace does not count: only the compact form is measured.
            let spaced = "{ \"d\" :\n \"\(String(repeating: "x", count: 65_536 - 8))\" \n}"
            #expect(spaced.utf8.count > 65_536)
            #expect(await client.create(Self.body(layout: spaced)).status == 201)

            for notAnObject in ["[]", #""{}""#, "1", "true"] {
                #expect(
                    await client.create(Self.body(layout: notAnObject)).errorCodes == ["layout": "invalid_type"],
                    "\(notAnObject)")
            }
            #expect(
                await client.create(Self.body(layout: #"{"a":"x\u0000y"}"#)).errorCodes == ["layout": "invalid"])
        }
    }

    @Test func aLayoutComesBackAsTheSameJSON() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let layout =
                #"{"indicators":[{"type":"sma","length":50,"weight":0.1234567890123456789},null,true],"#
                + #""drawings":{"line":{"from":[1,-2.5],"note":"€ / 📈 \"quoted\"\n"}},"empty":{}}"#
            let created = await client.create(Self.body(layout: layout))
            #expect(created.status == 201)
            let id = try #require(created.json["id"] as? String)
            let body = try #require(await client.get(id).body)
            // Compared as parsed JSON, with the numbers' digits taken from the text itself.
            let stored = try #require(
                try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])["layout"]
            let expected = try JSONSerialization.jsonObject(with: Data(layout.utf8))
            #expect(NSDictionary(dictionary: ["l": stored as Any]) == NSDictionary(dictionary: ["l": expected]))
            #expect(body.contains("0.1234567890123456789"), "no digit of a number is lost")
        }
    }

    @Test func patchValidatesLikeCreateAndLeavesOutTheRest() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let created = await client.create(Self.body(layout: #"{"keep":1}"#))
            let id = try #require(created.json["id"] as? String)
            let invalid = await client.patch(
                id, #"{"name":"\#(String(repeating: "n", count: 101))","interval":"1y","symbol":"a b"}"#)
            #expect(invalid.errorCodes == ["name": "too_long", "interval": "invalid", "symbol": "invalid"])
            let changed = await client.patch(id, #"{"interval":"1M","layout":{},"colour":"red"}"#)
            #expect(changed.json["name"] as? String == "Daily")
            #expect(changed.json["interval"] as? String == "1M")
            #expect((changed.json["layout"] as? [String: Any])?.isEmpty == true)
            #expect(changed.json["version"] as? Int == 2)
        }
    }
}
