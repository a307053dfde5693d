/// An HS256 key: a shared secret that signs and verifies alike, with the id that goes in each
/// token's `kid` header.
public struct SharedSecretKey: Sendable, Hashable {
    public var id: String
    public var secret: [UInt8]

    public init(id: String, secret: [UInt8]) {
        self.id = id
        self.secret = secret
    }

    /// The shortest secret accepted: HS256 wants at least the hash's 256 bits.
    public static let minimumSecretBytes = 32

    /// Derives the key id from the secret, so that every environment holding one secret agrees on
    /// its `kid` without another setting.
    init(_ secret: String, variable: String) throws(ConfigurationError) {
        let bytes = Array(secret.utf8)
        guard bytes.count >= Self.minimumSecretBytes else {
            throw ConfigurationError(
                variable: variable,
                problem: "must be at least \(Self.minimumSecretBytes) bytes (it is \(bytes.count))")
        }
        self.init(id: KeyIdentifier.derive(from: bytes), secret: bytes)
    }
}
