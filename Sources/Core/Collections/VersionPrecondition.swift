/// What an `if-match` header asks of the stored object: to be at exactly this version.
///
/// The contract accepts only the version in double quotes (`"3"`, the `etag` as sent); any other
/// value is a 412 when the object exists. That includes `*`, which RFC 9110 would let match any
/// current object, and weak tags (`W/"3"`): the contract asks for the version itself, so a
/// client can never believe a write was guarded by something it was not.
public enum VersionPrecondition: Sendable, Hashable {
    /// The object must be at this version.
    case version(Int)
    /// No stored object can satisfy it: a 412 whenever the object exists.
    case unsatisfiable

    /// Reads the header; `nil` when there is none (the write is unconditional).
    public init?(ifMatch header: String?) {
        guard let header else { return nil }
        // Optional whitespace around a field value is not part of it (RFC 9110, section 5.5).
        let utf8 = Array(header.trimmingScalars { $0 == " " || $0 == "\t" }.utf8)
        let quote = UInt8(ascii: "\"")
        // Versions are PostgreSQL integers, so at most 10 digits, and never start with a zero.
        guard utf8.count >= 3, utf8.count <= 12, utf8.first == quote, utf8.last == quote else {
            self = .unsatisfiable
            return
        }
        let digits = utf8[1..<(utf8.count - 1)]
        guard digits.first != UInt8(ascii: "0"), digits.allSatisfy({ (0x30...0x39).contains($0) }),
            let number = Int(String(decoding: digits, as: UTF8.self)), number <= Int(Int32.max)
        else {
            self = .unsatisfiable
            return
        }
        self = .version(number)
    }
}
