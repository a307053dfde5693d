#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `timestamptz` as PostgreSQL counts it, microseconds since 2000-01-01 00:00 UTC, and its
/// text in the ISO `DateStyle` (the server's default): `2026-12-02 22:43:00.123456+00`.
struct PostgresTimestamp: Hashable {
    /// PostgreSQL's epoch.
    static let epoch = Date(timeIntervalSince1970: 946_684_800)
    private static let microsecondsPerDay: Int64 = 86_400_000_000
    /// Days from 1970-01-01 to 2000-01-01.
    private static let epochDays: Int64 = 10_957

    var microsecondsSince2000: Int64

    init(microsecondsSince2000: Int64) {
        self.microsecondsSince2000 = microsecondsSince2000
    }

    /// The text, in UTC, with all six fractional digits.
    var text: String {
        let (days, time) = microsecondsSince2000.quotientAndRemainder(dividingBy: Self.microsecondsPerDay)
        let (dayOffset, microseconds) = time < 0 ? (days - 1, time + Self.microsecondsPerDay) : (days, time)
        let date = CivilDate(daysSince1970: dayOffset + Self.epochDays)
        let seconds = microseconds / 1_000_000
        return "\(Self.digits(date.year, 4))-\(Self.digits(date.month, 2))-\(Self.digits(date.day, 2)) "
            + "\(Self.digits(seconds / 3600, 2)):\(Self.digits(seconds / 60 % 60, 2)):\(Self.digits(seconds % 60, 2))"
            + ".\(Self.digits(microseconds % 1_000_000, 6))+00"
    }

    /// Reads `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]`; `nil` for anything else (another
    /// `DateStyle`, infinity, BC dates).
    init?(text: String) {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(digits: 4), reader.skip("-"), let month = reader.number(digits: 2),
            reader.skip("-"), let day = reader.number(digits: 2), reader.skip(" ") || reader.skip("T"),
            let hour = reader.number(digits: 2), reader.skip(":"), let minute = reader.number(digits: 2),
            reader.skip(":"), let second = reader.number(digits: 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction: Int64 = 0
        if reader.skip(".") {
            var scale: Int64 = 100_000
            var any = false
            while let digit = reader.digit() {
                fraction += Int64(digit) * scale
                scale /= 10
                any = true
            }
            guard any else { return nil }
        }
        var offsetSeconds: Int64 = 0
        if let sign = reader.sign() {
            guard let hours = reader.number(digits: 2) else { return nil }
            var offset = hours * 3600
            if reader.skip(":") {
                guard let minutes = reader.number(digits: 2) else { return nil }
                offset += minutes * 60
                if reader.skip(":") {
                    guard let seconds = reader.number(digits: 2) else { return nil }
                    offset += seconds
                }
            }
            offsetSeconds = sign * offset
        }
        guard reader.isAtEnd else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSince1970 - Self.epochDays
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        microsecondsSince2000 = seconds * 1_000_000 + fraction
    }

    private static func digits(_ value: Int64, _ count: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}

/// A proleptic Gregorian date, converted to and from days since 1970-01-01 with Howard
/// Hinnant's `days_from_civil` and `civil_from_days`.
private struct CivilDate {
    var year: Int64
    var month: Int64
    var day: Int64

    init(year: Int64, month: Int64, day: Int64) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    init(daysSince1970 days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var daysSince1970: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads ASCII digits and separators off the front of some bytes.
private struct DigitReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index == bytes.count }

    mutating func digit() -> Int64? {
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    /// Exactly `digits` digits.
    mutating func number(digits: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<digits {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func skip(_ separator: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: separator) else { return false }
        index += 1
        return true
    }

    /// +1 or -1 for a sign, `nil` when none comes next.
    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
