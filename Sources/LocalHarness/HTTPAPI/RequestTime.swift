import Foundation

/// When API Gateway received a request, in the two forms of `requestContext`, and the
/// `date` header's form.
public struct RequestTime: Sendable, Hashable {
    /// Milliseconds since the Unix epoch: `timeEpoch`.
    public var epochMilliseconds: Int64

    public init(epochMilliseconds: Int64) {
        self.epochMilliseconds = epochMilliseconds
    }

    public static func now() -> RequestTime {
        RequestTime(epochMilliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `time`: `25/Nov/2026:13:00:00 +0000`, in UTC, with English month names whatever the locale.
    public var formatted: String {
        let parts = civil
        return "\(Self.two(parts.day))/\(Self.months[parts.month - 1])/\(parts.year):"
            + "\(Self.two(parts.hour)):\(Self.two(parts.minute)):\(Self.two(parts.second)) +0000"
    }

    /// The HTTP `date` header: `Wed, 25 Nov 2026 13:00:00 GMT`.
    public var httpDate: String {
        let parts = civil
        return "\(Self.weekdays[parts.weekday]), \(Self.two(parts.day)) \(Self.months[parts.month - 1]) \(parts.year) "
            + "\(Self.two(parts.hour)):\(Self.two(parts.minute)):\(Self.two(parts.second)) GMT"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The UTC calendar date and time, by Howard Hinnant's days-to-civil algorithm: plain
    /// arithmetic, free of the C library's time structures and of any locale.
    private var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let seconds = Int(epochMilliseconds.dividedRoundingDown(by: 1000))
        let days = seconds.dividedRoundingDown(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = z.dividedRoundingDown(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday.
        let weekday = (days + 4).modulo(7)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60, weekday)
    }
}

extension BinaryInteger {
    fileprivate func dividedRoundingDown(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func modulo(_ divisor: Self) -> Self {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
