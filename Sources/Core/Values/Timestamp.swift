import Runtime

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
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (seconds, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        return remainder >= 0
            ? UTCTimestamp.format(seconds: seconds, milliseconds: remainder)
            : UTCTimestamp.format(seconds: seconds - 1, milliseconds: remainder + 1000)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
