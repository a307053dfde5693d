import Core
import Foundation
import Postgres
import TestSupport
import Testing

/// An alert's own fields: the exact decimal price, the note, and a status only the system triggers.
@Suite struct AlertTests {
    static func body(price: String, extra: String = "") -> String {
        #"{"symbol":"AAPL","condition":"below","price":\#(price)\#(extra)}"#
    }

    @Test func pricesAreReturnedAsStringsDigitForDigit() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            let accepted: [(sent: String, stored: String)] = [
                (#""212.50""#, "212.50"),
                ("212.50", "212.5"),
                (#""12345678901234567890""#, "12345678901234567890"),
                ("12345678901234567890", "12345678901234567890"),
                (#""123456789012.12345678""#, "123456789012.12345678"),
                ("123456789012.12345678", "123456789012.12345678"),
                (#""99999999999999999999""#, "99999999999999999999"),
                (#""0.00000001""#, "0.00000001"),
                ("0.00000001", "0.00000001"),
                ("1e-8", "0.00000001"),
                ("1E+3", "1000"),
                (#""0.00012345""#, "0.00012345"),
                (#""1.10000000""#, "1.10000000"),
                (#""7""#, "7"),
            ]
            for (sent, stored) in accepted {
                let created = await client.create(Self.body(price: sent))
                #expect(created.status == 201, "price \(sent)")
                #expect(created.json["price"] as? String == stored, "price \(sent)")
                let id = created.json["id"] as? String ?? ""
                #expect(await client.get(id).json["price"] as? String == stored, "price \(sent) read back")
            }
        }
    }

    @Test func pricesWithTooManyDigitsOrDecimalsAreRefused() async throws {
        // Marked `throws`: its one `try` is inside #expect, which the closure's type inference does not see.
        try await CollectionClient.withNewUser(of: .alerts) { client throws in
            let refused = [
                #""123456789012345678901""#, "123456789012345678901",  // 21 significant digits
                #""123456789012.123456789""#, #""1234567890123.12345678""#,  // 21 significant digits
                #""0.000000001""#, "0.000000001", "1e-9",  // 9 decimal places
                #""1.100000000""#,  // 9 decimal places, however many are zeros
                "1.0000000000000000000000000000001",  // 31 significant digits, as many places
            ]
            for price in refused {
                let response = await client.create(Self.body(price: price))
                #expect(response.status == 422, "price \(price)")
                #expect(response.errorCodes == ["price": "invalid"], "price \(price)")
            }
            #expect(try await client.storedCount() == 0)
        }
    }

    @Test func pricesMustBePositiveDecimalsWithoutDecoration() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            for price in ["0", #""0""#, #""0.0""#, #""0.00000000""#, "0.0", "-1", "-0.5"] {
                #expect(
                    await client.create(Self.body(price: price)).errorCodes == ["price": "out_of_range"],
                    "price \(price)")
            }
            let malformed = [
                #""-1""#, #""+1""#, #""1e5""#, #"" 1""#, #""1 ""#, #""1.""#, #"".5""#, #""01""#, #""1.2.3""#,
                #""""#, #""1,5""#, #""NaN""#, #""١٢""#, #""0x10""#,
            ]
            for price in malformed {
                #expect(
                    await client.create(Self.body(price: price)).errorCodes == ["price": "invalid"], "price \(price)")
            }
            for price in ["true", "null", "[1]", #"{"v":1}"#] {
                #expect(
                    await client.create(Self.body(price: price)).errorCodes == ["price": "invalid_type"],
                    "price \(price)")
            }
        }
    }

    @Test func notesDefaultToEmptyAndHoldUpTo500Characters() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            let plain = await client.create(Self.body(price: "1"))
            #expect(plain.json["note"] as? String == "")
            let note = " " + String(repeating: "📉", count: 498) + " "
            let full = await client.create(Self.body(price: "1", extra: #","note":"\#(note)""#))
            #expect(full.status == 201)
            #expect(full.json["note"] as? String == note, "kept as written, spaces included")
            let over = await client.create(Self.body(price: "1", extra: #","note":"\#(note)x""#))
            #expect(over.errorCodes == ["note": "too_long"])
            let multiline = await client.create(Self.body(price: "1", extra: #","note":"line\nbreak\tand tab""#))
            #expect(multiline.status == 201)
            #expect(multiline.json["note"] as? String == "line\nbreak\tand tab")
            let control = await client.create(Self.body(price: "1", extra: #","note":"bell\u0007""#))
            #expect(control.errorCodes == ["note": "invalid"])
        }
    }

    @Test func conditionIsAboveOrBelow() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            for condition in ["above", "below"] {
                let created = await client.create(#"{"symbol":"AAPL","condition":"\#(condition)","price":"1"}"#)
                #expect(created.json["condition"] as? String == condition)
            }
            for condition in ["Above", "crosses", ""] {
                let refused = await client.create(#"{"symbol":"AAPL","condition":"\#(condition)","price":"1"}"#)
                #expect(refused.errorCodes == ["condition": "invalid"], "\(condition)")
            }
            let missing = await client.create("{}")
            #expect(missing.errorCodes == ["symbol": "required", "condition": "required", "price": "required"])
        }
    }

    @Test func onlyTheSystemSetsTriggered() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            let created = await client.create(Self.body(price: "1"))
            #expect(created.json["status"] as? String == "active")
            #expect(created.json.keys.contains("triggered_at"))
            #expect(created.json["triggered_at"] is NSNull)
            let id = try #require(created.json["id"] as? String)

            let triggeredByClient = await client.create(Self.body(price: "1", extra: #","status":"triggered""#))
            #expect(triggeredByClient.errorCodes == ["status": "invalid"])
            #expect(await client.patch(id, #"{"status":"triggered"}"#).errorCodes == ["status": "invalid"])
            #expect(await client.patch(id, #"{"status":"paused"}"#).errorCodes == ["status": "invalid"])
            #expect(
                await client.patch(id, #"{"triggered_at":"2026-11-25T13:00:00.000Z"}"#).json["triggered_at"] is NSNull)
            let disabled = await client.create(Self.body(price: "1", extra: #","status":"disabled""#))
            #expect(disabled.json["status"] as? String == "disabled")

            // The price watcher fires the alert.
            try await client.execute(
                """
                UPDATE alerts SET status = 'triggered', triggered_at = '2026-11-25T13:00:00.123456Z'
                WHERE id = \(try #require(UUID(uuidString: id)))
                """)
            let fired = await client.get(id)
            #expect(fired.json["status"] as? String == "triggered")
            #expect(fired.json["triggered_at"] as? String == "2026-11-25T13:00:00.123Z")
            let annotated = await client.patch(id, #"{"note":"sold"}"#)
            #expect(annotated.json["status"] as? String == "triggered", "other changes leave it triggered")
            #expect(annotated.json["triggered_at"] as? String == "2026-11-25T13:00:00.123Z")
            let rearmed = await client.patch(id, #"{"status":"active"}"#)
            #expect(rearmed.status == 200)
            #expect(rearmed.json["status"] as? String == "active")
            #expect(rearmed.json["triggered_at"] is NSNull)
        }
    }

    @Test func theListingFiltersByStatus() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            var active: [String] = []
            var disabled: [String] = []
            for index in 0..<5 {
                active.append(try await client.createValid(index))
                let off = await client.create(Self.body(price: "2", extra: #","status":"disabled""#))
                disabled.append(try #require(off.json["id"] as? String))
            }
            try await client.execute(
                "UPDATE alerts SET status = 'triggered', triggered_at = now() WHERE id = \(UUID(uuidString: active[0])!)"
            )

            #expect(
                try await client.listAll(limit: 2, query: ["status": "active"]).ids == active.dropFirst().reversed())
            #expect(try await client.listAll(limit: 2, query: ["status": "disabled"]).ids == disabled.reversed())
            #expect(try await client.listAll(limit: 2, query: ["status": "triggered"]).ids == [active[0]])
            #expect(try await client.listAll(limit: 3).ids.count == 10)
            for status in ["bogus", "Active", ""] {
                let refused = await client.list(["status": status])
                #expect(refused.status == 422, "status=\(status)")
                #expect(refused.errorFields == ["status"])
            }
        }
    }
}
