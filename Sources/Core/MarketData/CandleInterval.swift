/// A chart interval, and how its candles are built: every interval longer than a minute is a
/// rollup of a shorter one whose buckets nest in its own, so that keeping a bucket right after a
/// new minute means reading a handful of rows, never a month of minutes.
///
/// Buckets are aligned in UTC: `3m` to `12h` on multiples of their length since midnight (the
/// epoch is a midnight and every length divides a day), `1d` on midnight, `1w` on Monday, `1M` on
/// the first of the month. Case matters: `1m` is a minute, `1M` a month.
public enum CandleInterval: String, CaseIterable, Sendable, Hashable {
    case oneMinute = "1m"
    case threeMinutes = "3m"
    case fiveMinutes = "5m"
    case fifteenMinutes = "15m"
    case thirtyMinutes = "30m"
    case oneHour = "1h"
    case twoHours = "2h"
    case fourHours = "4h"
    case sixHours = "6h"
    case twelveHours = "12h"
    case oneDay = "1d"
    case oneWeek = "1w"
    case oneMonth = "1M"

    /// The interval this one is rolled up from; `nil` for the stored minutes themselves. Listed
    /// in ``allCases`` after its source, so rolling up in that order reads fresh sources.
    public var source: CandleInterval? {
        switch self {
        case .oneMinute: nil
        case .threeMinutes, .fiveMinutes: .oneMinute
        case .fifteenMinutes: .fiveMinutes
        case .thirtyMinutes: .fifteenMinutes
        case .oneHour: .thirtyMinutes
        case .twoHours: .oneHour
        case .fourHours, .sixHours: .twoHours
        case .twelveHours: .sixHours
        case .oneDay: .twelveHours
        case .oneWeek, .oneMonth: .oneDay
        }
    }

    /// The length of a bucket in minutes, for the intervals of fixed length (up to a day).
    public var minutes: Int? {
        switch self {
        case .oneMinute: 1
        case .threeMinutes: 3
        case .fiveMinutes: 5
        case .fifteenMinutes: 15
        case .thirtyMinutes: 30
        case .oneHour: 60
        case .twoHours: 120
        case .fourHours: 240
        case .sixHours: 360
        case .twelveHours: 720
        case .oneDay: 1440
        case .oneWeek, .oneMonth: nil
        }
    }

    /// SQL for the open time of the bucket holding the `timestamptz` expression `time`, in UTC
    /// whatever the session's time zone.
    func bucketStartSQL(_ time: String) -> String {
        switch self {
        case .oneWeek: "date_trunc('week', \(time), 'UTC')"
        case .oneMonth: "date_trunc('month', \(time), 'UTC')"
        default: "date_bin(interval '\(minutes!) minutes', \(time), timestamptz '1970-01-01 00:00:00+00')"
        }
    }

    /// SQL for the open time of the bucket after the one that opens at `start`.
    func bucketEndSQL(_ start: String) -> String {
        switch self {
        case .oneWeek: "(\(start) + interval '7 days')"
        case .oneMonth: "((\(start) AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC'"
        default: "(\(start) + interval '\(minutes!) minutes')"
        }
    }
}
