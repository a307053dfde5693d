import Core
import Foundation
import Postgres
import TestSupport
import Testing

/// Listing: newest first, keyset pages that neither repeat nor skip, and strict `limit`/`cursor`.
@Suite struct CollectionPagingTests {
    @Test(arguments: TestCollection.all)
    func pagesListEverythingNewestFirstExactlyOnce(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            var created: [String] = []
            for index in 0..<7 { created.append(try await client.createValid(index)) }

            let (ids, pages) = try await client.listAll(limit: 3)
            #expect(ids == created.reversed())
            #expect(pages == 3)

            // A page that ends exactly on the last object says so: no empty page after it.
            let exact = try await client.listAll(limit: 7)
            #expect(exact.ids == created.reversed())
            #expect(exact.pages == 1)

            let first = await client.list()
            #expect(first.status == 200)
            #expect(first.items.count == 7, "50 by default")
            #expect(first.json.keys.contains("next_cursor"))
            #expect(first.json["next_cursor"] is NSNull)
        }
    }

    @Test(arguments: TestCollection.all)
    func insertsAndDeletesBetweenPagesCauseNoDuplicatesOrGaps(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            var created: [String] = []
            for index in 0..<9 { created.append(try await client.createValid(index)) }
            let newestFirst = Array(created.reversed())

            let first = await client.list(["limit": "3"])
            let firstIDs = first.items.compactMap { $0["id"] as? String }
            #expect(firstIDs == Array(newestFirst[0..<3]))
            let cursor = try #require(first.json["next_cursor"] as? String)

            // Between pages: two new objects, the first page's last object and the next page's
            // first object deleted.
            _ = try await client.createValid(100)
            _ = try await client.createValid(101)
            #expect(await client.delete(newestFirst[2]).status == 204)
            #expect(await client.delete(newestFirst[3]).status == 204)

            var rest: [String] = []
            var next: String? = cursor
            while let current = next {
                let page = await client.list(["limit": "3", "cursor": current])
                try #require(page.status == 200)
                rest += page.items.compactMap { $0["id"] as? String }
                next = page.json["next_cursor"] as? String
            }
            #expect(rest == Array(newestFirst[4...]), "every older object once, in order, none deleted, none new")
        }
    }

    @Test func objectsCreatedInTheSameMicrosecondPageByIdWithoutLoss() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            var created: [String] = []
            for index in 0..<7 { created.append(try await client.createValid(index)) }
            try await client.execute(
                "UPDATE charts SET created_at = '2026-11-25T13:00:00.123456Z' WHERE user_id = \(client.userID)")
            let (ids, _) = try await client.listAll(limit: 2)
            #expect(ids == created.sorted().reversed(), "ties fall back to the id, descending")
        }
    }

    @Test func timestampsThatDifferByAMicrosecondAreNotConfused() async throws {
        try await CollectionClient.withNewUser(of: .alerts) { client in
            var created: [String] = []
            for index in 0..<4 { created.append(try await client.createValid(index)) }
            // Within one millisecond, so only the microseconds tell them apart.
            for (offset, id) in created.enumerated() {
                try await client.execute(
                    """
                    UPDATE alerts SET created_at = '2026-11-25T13:00:00.123000Z'::timestamptz
                        + \(offset) * interval '1 microsecond'
                    WHERE id = \(UUID(uuidString: id)!)
                    """)
            }
            let (ids, _) = try await client.listAll(limit: 1)
            #expect(ids == created.reversed())
        }
    }

    @Test(arguments: TestCollection.all)
    func aBadLimitIsA422NamingIt(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            for limit in ["0", "101", "-1", "abc", "5.0", "", " 5", "+5", "1e2", "99999999999999999999"] {
                let response = await client.list(["limit": limit])
                #expect(response.status == 422, "limit=\(limit)")
                #expect(response.errorFields == ["limit"], "limit=\(limit)")
            }
            #expect(await client.list(["limit": "1"]).status == 200)
            #expect(await client.list(["limit": "100"]).status == 200)
        }
    }

    @Test(arguments: TestCollection.all)
    func aMalformedOrTamperedCursorIsA422NamingIt(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            for index in 0..<3 { _ = try await client.createValid(index) }
            let cursor = try #require(await client.list(["limit": "1"]).json["next_cursor"] as? String)
            #expect(await client.list(["cursor": cursor]).status == 200)

            // Any one character changed: the checksum no longer matches.
            let edited = [0, 1, 10, 20, 30, 43].map { position -> String in
                var characters = Array(cursor)
                characters[position] = characters[position] == "A" ? "B" : "A"
                return String(characters)
            }
            let bad =
                [
                    "", "x", "not a cursor", cursor + "A", String(cursor.dropLast()), cursor + "==",
                    String(repeating: "_", count: 44), String(repeating: "A", count: 10_000),
                    "🙂" + cursor.dropFirst(4), String(cursor.dropLast()) + "+",
                    String(cursor.dropLast(4)) + "====",
                ] + edited
            for text in bad {
                let response = await client.list(["cursor": text])
                #expect(response.status == 422, "cursor=\(text.prefix(40))")
                #expect(response.errorFields == ["cursor"], "cursor=\(text.prefix(40))")
            }
            let both = await client.list(["cursor": "nope", "limit": "0"])
            #expect(Set(both.errorFields) == ["cursor", "limit"])
        }
    }

    @Test func cursorsRoundTripAndRefuseWhatTheyDidNotWrite() throws {
        let cursor = PageCursor(createdMicroseconds: 1_795_618_727_611_380, id: UUID())
        #expect(cursor.text.count == 44)
        #expect(PageCursor(text: cursor.text) == cursor)
        let latest = PageCursor(createdMicroseconds: 253_402_300_799_999_999, id: UUID())
        #expect(PageCursor(text: latest.text) == latest)
        // Out of range: before 1970, or past what PostgreSQL's timestamps can be added up to.
        #expect(PageCursor(text: PageCursor(createdMicroseconds: -1, id: UUID()).text) == nil)
        #expect(PageCursor(text: PageCursor(createdMicroseconds: .max, id: UUID()).text) == nil)
    }

    @Test func theListingQueryIsServedByTheKeysetIndex() async throws {
        try await TestDatabase.withServices { services in
            let client = try await CollectionClient.signUp(services, for: .charts)
            let other = try await CollectionClient.signUp(services, for: .charts)
            try await client.execute(TestCollection.charts.fill(client.userID, 1000))
            try await client.execute(TestCollection.charts.fill(other.userID, 1000))
            try await TestDatabase.executeAsOwner("ANALYZE charts", in: services)
            let plan = try await services.database.withConnection { connection in
                var lines: [String] = []
                let rows = try await connection.query(
                    """
                    EXPLAIN SELECT id FROM charts WHERE user_id = \(client.userID)
                        AND (created_at, id) < ('epoch'::timestamptz + \(Int64(1_795_618_727_611_380))::int8
                            * interval '1 microsecond', \(UUID()))
                    ORDER BY created_at DESC, id DESC LIMIT \(51)
                    """, logger: TestDatabase.logger)
                for line in try rows.decode(String.self) { lines.append(line) }
                return lines.joined(separator: "\n")
            }
            #expect(plan.contains("charts_user_newest"), "\(plan)")
            #expect(!plan.contains("Sort"), "the index yields the order: \(plan)")
        }
    }
}
