#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stored object of a collection: the frame every chart, watchlist and alert shares, and its
/// own fields. Encoded flat: `{id, created_at, updated_at, version, ...fields}`.
public struct OwnedObject<Fields: Encodable & Sendable>: Sendable, Encodable {
    public var id: UUID
    /// The user it belongs to; never part of the API's answer.
    public var owner: UUID
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// Starts at 1 and goes up by one with every change; the `etag`.
    public var version: Int
    public var fields: Fields
    /// `created_at` to the microsecond as PostgreSQL holds it, for an exact page cursor.
    var createdMicroseconds: Int64

    /// The `etag` header: the version in double quotes.
    public var etag: String { "\"\(version)\"" }

    /// Where the object lives.
    func location(in collection: String) -> String { "/api/\(collection)/\(id.apiString)" }

    /// The position in the newest-first order that the next page starts after.
    var cursor: PageCursor { PageCursor(createdMicroseconds: createdMicroseconds, id: id) }

    enum CodingKeys: String, CodingKey {
        case id
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.apiString, forKey: .id)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(version, forKey: .version)
        // The own fields go into the same object, not under a key of their own.
        try fields.encode(to: encoder)
    }
}
