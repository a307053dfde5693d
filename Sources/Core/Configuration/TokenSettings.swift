/// How access and refresh tokens are made and checked.
public struct TokenSettings: Sendable {
    /// A signing key with the id that goes in each token's `kid` header.
    public struct SigningKey: Sendable, Hashable {
        public var id: String
        public var secret: [UInt8]

        public init(id: String, secret: [UInt8]) {
            self.id = id
            self.secret = secret
        }
    }

    /// The key new tokens are signed with.
    public var currentKey: SigningKey
    /// Keys from before a rotation: tokens they signed still verify until they expire.
    public var previousKeys: [SigningKey]
    public var issuer: String
    public var audience: String
    public var accessTokenLifetime: Duration
    public var refreshTokenLifetime: Duration
    /// How far past `exp` (and before `nbf`) a token is still accepted, for clock skew.
    public var leeway: Duration

    public init(
        currentKey: SigningKey,
        previousKeys: [SigningKey] = [],
        issuer: String = "chronoview",
        audience: String = "chronoview-api",
        accessTokenLifetime: Duration = .seconds(15 * 60),
        refreshTokenLifetime: Duration = .seconds(30 * 24 * 3600),
        leeway: Duration = .seconds(30)
    ) {
        self.currentKey = currentKey
        self.previousKeys = previousKeys
        self.issuer = issuer
        self.audience = audience
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.leeway = leeway
    }

    /// The shortest secret accepted: HS256 wants at least the hash's 256 bits.
    public static let minimumSecretBytes = 32

    /// Reads `JWT_SECRET` (or the value fetched from `JWT_SECRET_ARN`), `JWT_PREVIOUS_SECRETS`
    /// (comma-separated), `JWT_ISSUER`, `JWT_AUDIENCE`, `ACCESS_TOKEN_TTL_SECONDS` and
    /// `REFRESH_TOKEN_TTL_SECONDS`.
    public init(environment: EnvironmentVariables, secret fetchedSecret: String? = nil, previousSecrets: [String] = [])
        throws(ConfigurationError)
    {
        guard let secret = fetchedSecret ?? environment["JWT_SECRET"] else {
            throw ConfigurationError(variable: "JWT_SECRET", problem: "is not set")
        }
        let current = try Self.key(secret, variable: "JWT_SECRET")
        var previous = try (environment["JWT_PREVIOUS_SECRETS"] ?? "")
            .split(separator: ",")
            .map { (text: Substring) throws(ConfigurationError) -> SigningKey in
                try Self.key(String(text), variable: "JWT_PREVIOUS_SECRETS")
            }
        for secret in previousSecrets where secret != fetchedSecret {
            previous.append(try Self.key(secret, variable: "JWT_SECRET_ARN"))
        }
        self.init(
            currentKey: current,
            previousKeys: previous,
            issuer: environment["JWT_ISSUER"] ?? "chronoview",
            audience: environment["JWT_AUDIENCE"] ?? "chronoview-api",
            accessTokenLifetime: .seconds(
                try environment.integer("ACCESS_TOKEN_TTL_SECONDS", in: 60...86_400, default: 15 * 60)),
            refreshTokenLifetime: .seconds(
                try environment.integer("REFRESH_TOKEN_TTL_SECONDS", in: 3600...(365 * 86_400), default: 30 * 86_400))
        )
    }

    /// Derives the key id from the secret, so that every environment signing with one secret
    /// agrees on its `kid` without another setting.
    static func key(_ secret: String, variable: String) throws(ConfigurationError) -> SigningKey {
        let bytes = Array(secret.utf8)
        guard bytes.count >= minimumSecretBytes else {
            throw ConfigurationError(
                variable: variable, problem: "must be at least \(minimumSecretBytes) bytes (it is \(bytes.count))")
        }
        return SigningKey(id: KeyIdentifier.derive(from: bytes), secret: bytes)
    }
}
