/// Why bytes are not JSON text by RFC 8259, and where: safe to show a client, since it never
/// quotes the input.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, such as `a trailing comma`.
    public var reason: String
    /// The offset of the offending byte from the start of the text.
    public var offset: Int

    public init(_ reason: String, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason) at byte \(offset)" }
}
