#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension UUID: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .uuid }
    public var sqlText: String? { uuidString.lowercased() }
    public init?(sqlText text: String) { self.init(uuidString: text) }
}

extension Date: SQLEncodable, SQLDecodable {
    public static var sqlType: PostgresType { .timestamptz }

    /// The date to the nearest microsecond (a `timestamptz`'s precision, as the server rounds
    /// its input), written in UTC: a date read back is written back unchanged.
    public var sqlText: String? {
        let microseconds = (timeIntervalSince(PostgresTimestamp.epoch) * 1_000_000).rounded()
        return PostgresTimestamp(microsecondsSince2000: Int64(microseconds)).text
    }

    public static func decode(sqlText text: String?) throws(PostgresError) -> Date {
        guard let text else { throw PostgresError(.invalidValue, message: "NULL where a Date was expected") }
        guard let timestamp = PostgresTimestamp(text: text) else {
            throw PostgresError(.invalidValue, message: "'\(text.prefix(64))' is not a timestamptz in ISO style")
        }
        return Date(timeInterval: Double(timestamp.microsecondsSince2000) / 1_000_000, since: PostgresTimestamp.epoch)
    }
}
