import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A position in a collection's newest-first order: the `created_at` (to the microsecond) and id
/// of the last object of a page. The next page holds what sorts after it, so inserts and deletes
/// between pages neither repeat nor skip anything.
///
/// Opaque to clients: 33 bytes in unpadded base64url (44 characters): a format byte, the
/// microseconds, the id, and the first 8 bytes of their SHA-256. The checksum refuses a cursor
/// that was cut short, mistyped or edited. It is not a signature, and needs none: a forged cursor
/// only picks another starting point among the user's own objects, and every field is checked
/// to be in range, so no input can make the query fail.
public struct PageCursor: Sendable, Hashable {
    public var createdMicroseconds: Int64
    public var id: UUID

    static let format: UInt8 = 1
    static let payloadCount = 25
    static let checksumCount = 8
    static let textLength = 44
    /// 9999-12-31T23:59:59.999999Z: keeps a forged timestamp within what PostgreSQL can add up.
    static let latestMicroseconds: Int64 = 253_402_300_799_999_999

    public init(createdMicroseconds: Int64, id: UUID) {
        self.createdMicroseconds = createdMicroseconds
        self.id = id
    }

    /// The cursor as clients see it.
    public var text: String {
        var bytes = [Self.format]
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: createdMicroseconds >> Int64(shift)))
        }
        withUnsafeBytes(of: id.uuid) { bytes.append(contentsOf: $0) }
        bytes += Self.checksum(of: bytes)
        // 33 bytes are exactly 44 base64 characters: no padding, no spare bits.
        return Base64URL.encode(bytes)
    }

    /// Reads a cursor given back by a client; `nil` for anything this type did not write.
    public init?(text: String) {
        // The length is checked before decoding, so that arbitrary input costs next to nothing.
        guard text.utf8.count == Self.textLength, let bytes = Base64URL.decode(text),
            bytes.count == Self.payloadCount + Self.checksumCount
        else { return nil }
        let payload = Array(bytes[..<Self.payloadCount])
        guard Array(bytes[Self.payloadCount...]) == Self.checksum(of: payload), payload[0] == Self.format else {
            return nil
        }
        let microseconds = payload[1...8].reduce(Int64(0)) { ($0 << 8) | Int64($1) }
        guard (0...Self.latestMicroseconds).contains(microseconds) else { return nil }
        let id = Array(payload[9...])
        self.init(
            createdMicroseconds: microseconds,
            id: UUID(
                uuid: (
                    id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7],
                    id[8], id[9], id[10], id[11], id[12], id[13], id[14], id[15]
                )))
    }

    private static func checksum(of payload: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: payload).prefix(checksumCount))
    }
}
