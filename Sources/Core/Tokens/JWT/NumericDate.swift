#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JWT NumericDate (RFC 7519, section 2): seconds since 1970-01-01T00:00:00Z as a JSON number,
/// fractions allowed, as `iat`, `exp` and `nbf` carry it.
///
/// Its own type because `JSONDecoder`'s default reads a `Date` as seconds since 2001.
struct NumericDate: Codable, Sendable, Hashable {
    var date: Date

    init(_ date: Date) {
        self.date = date
    }

    init(from decoder: any Decoder) throws {
        date = Date(timeIntervalSince1970: try decoder.singleValueContainer().decode(Double.self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(date.timeIntervalSince1970)
    }
}
