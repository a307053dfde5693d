import Core
import Foundation
import LambdaEvents
import TestSupport
import Testing

/// RFC 8259 puts no bound on a number: `1e400`, `5e-324` and `-2.2250738585e-313` are JSON,
/// though no `Double` holds them. A layout keeps them digit for digit; a price or a candle's
/// number is refused by its own rules, naming the field, and never takes the body down with it.
@Suite struct NumbersBeyondDoubleTests {
    static let layout =
        #"{"big":1e400,"tiny":5e-324,"subnormal":-2.2250738585e-313,"one":1.0,"zero":-0,"#
        + #""list":[1E+3,0.1234567890123456789,-1.5e-7,1e200000]}"#
    /// The same layout as ChronoView writes it: compact, keys sorted, numbers untouched.
    static let compactLayout =
        #"{"big":1e400,"list":[1E+3,0.1234567890123456789,-1.5e-7,1e200000],"one":1.0,"#
        + #""subnormal":-2.2250738585e-313,"tiny":5e-324,"zero":-0}"#

    /// A response body's members, read with numbers as written (Foundation's parsers refuse `1e400`).
    static func members(_ response: TestResponse) throws -> [String: JSONValue] {
        let value = try JSONValue(parsing: Array((response.body ?? "").utf8))
        guard case .object(let members) = value else { throw JSONParseError("not an object", at: 0) }
        return members
    }

    @Test func aLayoutKeepsEveryNumberDigitForDigit() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let created = await client.create(ChartTests.body(layout: Self.layout))
            #expect(created.status == 201, "\(created.body ?? "")")
            let layout = try JSONValue(parsing: Self.layout.utf8)
            #expect(try Self.members(created)["layout"] == layout)
            #expect(created.body?.contains(#""layout":\#(Self.compactLayout)"#) == true, "\(created.body ?? "")")
            guard case .string(let id)? = try Self.members(created)["id"] else {
                Issue.record("no id: \(created.body ?? "")")
                return
            }

            let read = await client.get(id)
            #expect(read.status == 200)
            #expect(try Self.members(read)["layout"] == layout)
            #expect(read.body?.contains(#""layout":\#(Self.compactLayout)"#) == true, "\(read.body ?? "")")
            let list = await client.list()
            #expect(list.body?.contains(#""layout":\#(Self.compactLayout)"#) == true, "\(list.body ?? "")")

            let patched = await client.patch(id, #"{"layout":{"n":[-0,1.0,1e400]}}"#)
            #expect(patched.status == 200)
            #expect(await client.get(id).body?.contains(#""layout":{"n":[-0,1.0,1e400]}"#) == true)
        }
    }

    @Test(arguments: [
        ("1e400", "invalid", "must be less than 1e20"),
        ("5e-324", "invalid", "must have at most 8 decimal places"),
        ("-2.2250738585e-313", "out_of_range", "must be greater than 0"),
        ("1e-400", "invalid", "must have at most 8 decimal places"),
        ("123456789012345678901", "invalid", "must be less than 1e20"),
    ])
    func aPriceBeyondDoubleIsA422NamingPrice(_ price: String, _ code: String, _ message: String) async throws {
        // Marked `throws`: its one `try` is inside #expect, which the closure's type inference does not see.
        try await CollectionClient.withNewUser(of: .alerts) { client throws in
            let refused = await client.create(AlertTests.body(price: price))
            #expect(refused.status == 422, "\(price): \(refused.body ?? "")")
            let errors = refused.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.count == 1)
            #expect(errors.first?["field"] as? String == "price")
            #expect(errors.first?["code"] as? String == code)
            #expect(errors.first?["message"] as? String == message)
            #expect(try await client.storedCount() == 0)
        }
    }

    @Test func aQueuedCandleBeyondDoubleIsRejectedAloneNamingItsField() throws {
        let now = Int64(1_795_608_000)
        func candle(_ overrides: String) -> String {
            #"{"symbol":"AAPL","t":"2026-11-25T12:00:00.000Z","o":1,"h":2,"l":1,"c":2,"v":3\#(overrides)}"#
        }
        let body = #"{"candles":[\#(candle("")),\#(candle(#","h":1e400"#)),\#(candle(#","v":5e-324"#))]}"#
        let candles = try IngestEvent.candles(inBody: body)
        #expect(candles.count == 3)
        let reasons = candles.map { value -> String? in
            do throws(CandleRejection) {
                _ = try MinuteCandle.read(value, now: now)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reasons == [nil, "h: must be less than 1e20", "v: must have at most 8 decimal places"])
    }
}
