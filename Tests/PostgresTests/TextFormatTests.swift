import Testing

@testable import Postgres

/// The text formats read without a server: what other DateStyles and array bounds look like.
@Suite struct TextFormatTests {
    @Test func timestampsWithEveryOffsetAndFraction() throws {
        let utc = try #require(PostgresTimestamp(text: "2026-12-02 22:43:00.5+00"))
        #expect(PostgresTimestamp(text: "2026-12-03 04:13:00.5+05:30") == utc)
        #expect(PostgresTimestamp(text: "2026-12-02 14:43:00.500000-08") == utc)
        #expect(PostgresTimestamp(text: "2026-12-02 22:43:00.5+00").map(\.text) == "2026-12-02 22:43:00.500000+00")
        #expect(PostgresTimestamp(text: "1999-12-31 23:59:59.999999+00")?.microsecondsSince2000 == -1)
    }

    @Test(arguments: [
        "12/02/2026 22:43:00 UTC", "infinity", "2026-12-02", "2026-13-02 00:00:00+00", "2026-12-02 22:43:00.+00",
    ])
    func otherTimestampTextIsRefused(_ text: String) {
        #expect(PostgresTimestamp(text: text) == nil)
    }

    @Test func arraysWithBoundsQuotesAndNulls() {
        #expect(SQLArrayLiteral.elements(of: "{}") == [])
        #expect(SQLArrayLiteral.elements(of: #"{a,"b c",NULL,"NULL","q\"\\"}"#) == ["a", "b c", nil, "NULL", #"q"\"#])
        #expect(SQLArrayLiteral.elements(of: "[0:1]={x,y}") == ["x", "y"])
        #expect(SQLArrayLiteral.elements(of: "{{1,2},{3,4}}") == nil)
        #expect(SQLArrayLiteral.elements(of: #"{"open}"#) == nil)
    }

    @Test func interpolatedValuesAreParametersInOrder() {
        let query: SQLQuery = "SELECT \(1) WHERE name = \("o'brien") \(unescaped: "ORDER BY 1")"
        #expect(query.sql == "SELECT $1 WHERE name = $2 ORDER BY 1")
        #expect(query.bindings.values == ["1", "o'brien"])
        #expect(query.bindings.types == [.int8, .text])
    }
}
