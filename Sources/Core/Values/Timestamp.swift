#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A moment as the API writes it: RFC 3339 in UTC with milliseconds (`2026-11-25T13:00:00.123Z`).
public struct Timestamp: Sendable, Hashable, Comparable, Encodable {
    public var date: Date

    public init(_ date: Date) {
        self.date = date
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }

    public var rfc3339: String {
        date.formatted(
            Date.ISO8601FormatStyle(timeZone: .gmt)
                .year().month().day().time(includingFractionalSeconds: true)
                .timeSeparator(.colon).dateSeparator(.dash).timeZoneSeparator(.omitted)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
