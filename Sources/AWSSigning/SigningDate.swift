#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The moment of signing as Signature Version 4 writes it: `20150830T123600Z` in
/// `x-amz-date` and the string to sign, `20150830` in the credential scope.
struct SigningDate {
    let timestamp: String
    let day: String

    private static let style = Date.ISO8601FormatStyle(
        dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted, timeZone: .gmt)

    init(_ date: Date) {
        timestamp = date.formatted(Self.style)
        day = String(timestamp.prefix(8))
    }
}
