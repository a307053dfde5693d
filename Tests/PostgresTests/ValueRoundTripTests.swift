import Foundation
import NIOCore
import Postgres
import Testing

/// Every value goes to the server as a typed parameter and comes back as the same value.
@Suite struct ValueRoundTripTests {
    static func echo<Value: SQLEncodable & SQLDecodable>(_ value: Value) async throws -> Value {
        try await TestServer.withConnection { connection in
            try await connection.query("SELECT \(value)", logger: TestServer.logger)[0].decode(Value.self)
        }
    }

    @Test(arguments: [
        "", "plain", "quote ' and \" and \\", "ünïcødé 📈", "line\nbreak\ttab", String(repeating: "x", count: 70_000),
    ])
    func text(_ value: String) async throws {
        #expect(try await Self.echo(value) == value)
    }

    @Test func integersAtTheirLimits() async throws {
        for value in [Int.min, -1, 0, 1, Int.max] { #expect(try await Self.echo(value) == value) }
        for value in [Int32.min, Int32.max] { #expect(try await Self.echo(value) == value) }
        for value in [Int64.min, Int64.max] { #expect(try await Self.echo(value) == value) }
    }

    @Test func booleansAndDoubles() async throws {
        #expect(try await Self.echo(true) == true)
        #expect(try await Self.echo(false) == false)
        for value in [0.1, -2.5e-300, 1.7976931348623157e308, Double.infinity, -Double.infinity] {
            #expect(try await Self.echo(value) == value)
        }
        #expect(try await Self.echo(Double.nan).isNaN)
    }

    @Test func uuids() async throws {
        let value = UUID()
        #expect(try await Self.echo(value) == value)
    }

    /// Microseconds survive both ways, before 2000 and 1970 too.
    @Test(arguments: [0, 946_684_800.000_001, 1_796_000_000.123_456, -2_208_988_800.5, 4_102_444_800.999_999])
    func dates(_ seconds: Double) async throws {
        let date = Date(timeIntervalSince1970: seconds)
        let echoed = try await Self.echo(date)
        #expect(abs(echoed.timeIntervalSince(date)) < 0.000_001)
        #expect(try await Self.echo(echoed) == echoed, "a date read back is sent again unchanged")
    }

    /// The server writes timestamps in the session's time zone; the instant is the same.
    @Test func aDateReadInAnotherTimeZoneIsTheSameInstant() async throws {
        let date = Date(timeIntervalSince1970: 1_796_000_000.25)
        for zone in ["Asia/Kolkata", "America/St_Johns", "UTC"] {
            let echoed = try await TestServer.withConnection { connection in
                try await connection.query(SQLQuery(unsafeSQL: "SET TimeZone = '\(zone)'"), logger: TestServer.logger)
                return try await connection.query("SELECT \(date)", logger: TestServer.logger)[0].decode(Date.self)
            }
            #expect(echoed == date, "in \(zone)")
        }
    }

    @Test func textArraysWithEveryAwkwardElement() async throws {
        let values = ["", "NULL", "a,b", "{braces}", "quote\"", "back\\slash", " spaced ", "ünï"]
        #expect(try await Self.echo(values) == values)
        #expect(try await Self.echo([String]()) == [])
        #expect(try await Self.echo([Int64.min, 0, Int64.max]) == [Int64.min, 0, Int64.max])
    }

    @Test func everyByteOfABytea() async throws {
        let bytes = ByteBuffer(bytes: Array(0...255))
        #expect(try await Self.echo(bytes) == bytes)
    }

    @Test func nullIsNilForAnOptionalAndAnErrorOtherwise() async throws {
        try await TestServer.withConnection { connection in
            let missing: String? = nil
            let query: SQLQuery = "SELECT \(missing)"
            let row = try await connection.query(query, logger: TestServer.logger)[0]
            let value: String? = try row.decode(String?.self)
            #expect(value == nil)
            #expect(throws: PostgresError.self) { try row.decode(String.self) }
        }
    }

    @Test func columnsAreFoundByName() async throws {
        try await TestServer.withConnection { connection in
            let row = try await connection.query("SELECT 1 AS one, 'two' AS two", logger: TestServer.logger)[0]
            #expect(try row["two"].decode(String.self) == "two")
            #expect(try row["one"].decode(Int.self) == 1)
            #expect(throws: PostgresError.self) { try row["three"].decode(Int.self) }
        }
    }
}
