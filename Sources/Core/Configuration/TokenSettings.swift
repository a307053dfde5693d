/// How access and refresh tokens are made and checked.
public struct TokenSettings: Sendable {
    public var keys: TokenKeys
    public var issuer: String
    public var audience: String
    public var accessTokenLifetime: Duration
    public var refreshTokenLifetime: Duration
    /// How far past `exp` (and before `nbf`) a token is still accepted, for clock skew.
    public var leeway: Duration

    public init(
        keys: TokenKeys,
        issuer: String = "chronoview",
        audience: String = "chronoview-api",
        accessTokenLifetime: Duration = .seconds(15 * 60),
        refreshTokenLifetime: Duration = .seconds(30 * 24 * 3600),
        leeway: Duration = .seconds(30)
    ) {
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.leeway = leeway
    }

    /// Reads the keys for a function in `role`, and `JWT_ISSUER`, `JWT_AUDIENCE`,
    /// `ACCESS_TOKEN_TTL_SECONDS` and `REFRESH_TOKEN_TTL_SECONDS`.
    ///
    /// - HS256 when `JWT_SECRET` (or the `JWT_SECRET_ARN` secret, in `secrets`) is set, whatever
    ///   else is: the secret signs; `JWT_PREVIOUS_SECRETS` (comma-separated) and the secret's other
    ///   stages verify.
    /// - ES256 otherwise. An issuer signs with the `JWT_SIGNING_KEY_SECRET_ARN` secret (in
    ///   `secrets`) or `JWT_PRIVATE_KEY`, and verifies with its public half and those of the
    ///   secret's other stages. A verifier reads `JWT_PUBLIC_KEYS`, a JWK Set, and nothing else:
    ///   never a private key, even one its environment names.
    ///
    /// - Parameter role: `.issuer` by default, as tests and tools that both sign and check use it;
    ///   every function passes its own (``APIFunction/tokenRole``).
    public init(
        environment: EnvironmentVariables, role: TokenRole = .issuer, secrets: FetchedSecrets = FetchedSecrets()
    ) throws(ConfigurationError) {
        self.init(
            keys: try Self.keys(environment: environment, role: role, secrets: secrets),
            issuer: environment["JWT_ISSUER"] ?? "chronoview",
            audience: environment["JWT_AUDIENCE"] ?? "chronoview-api",
            accessTokenLifetime: .seconds(
                try environment.integer("ACCESS_TOKEN_TTL_SECONDS", in: 60...86_400, default: 15 * 60)),
            refreshTokenLifetime: .seconds(
                try environment.integer("REFRESH_TOKEN_TTL_SECONDS", in: 3600...(365 * 86_400), default: 30 * 86_400))
        )
    }

    private static func keys(environment: EnvironmentVariables, role: TokenRole, secrets: FetchedSecrets)
        throws(ConfigurationError) -> TokenKeys
    {
        if let secret = secrets.jwtSecret ?? environment["JWT_SECRET"] {
            let current = try SharedSecretKey(secret, variable: "JWT_SECRET")
            var verifyingOnly = try (environment["JWT_PREVIOUS_SECRETS"] ?? "").split(separator: ",").map {
                (text: Substring) throws(ConfigurationError) in
                try SharedSecretKey(String(text), variable: "JWT_PREVIOUS_SECRETS")
            }
            for other in secrets.verifyingOnlyJWTSecrets {
                verifyingOnly.append(try SharedSecretKey(other, variable: "JWT_SECRET_ARN"))
            }
            return .hs256(current: current, verifyingOnly: verifyingOnly.filter { $0.id != current.id })
        }
        switch role {
        case .issuer:
            guard let value = secrets.jwtSigningKey ?? environment["JWT_PRIVATE_KEY"] else {
                throw ConfigurationError(
                    variable: "JWT_SIGNING_KEY_SECRET_ARN",
                    problem: "is not set, nor JWT_PRIVATE_KEY (ES256), nor JWT_SECRET (HS256)")
            }
            let variable = secrets.jwtSigningKey == nil ? "JWT_PRIVATE_KEY" : "JWT_SIGNING_KEY_SECRET_ARN"
            let signingKey = try ES256SigningKey(value, variable: variable)
            var verificationKeys = [signingKey.verificationKey]
            for other in secrets.verifyingOnlyJWTSigningKeys {
                let key = try ES256SigningKey(other, variable: variable).verificationKey
                if !verificationKeys.contains(where: { $0.id == key.id }) { verificationKeys.append(key) }
            }
            return .es256(signingKey: signingKey, verificationKeys: verificationKeys)
        case .verifier:
            guard let keySet = environment["JWT_PUBLIC_KEYS"] else {
                throw ConfigurationError(
                    variable: "JWT_PUBLIC_KEYS", problem: "is not set (ES256), nor JWT_SECRET (HS256)")
            }
            let verificationKeys = try ES256VerificationKey.keySet(keySet, variable: "JWT_PUBLIC_KEYS")
            guard !verificationKeys.isEmpty else {
                throw ConfigurationError(variable: "JWT_PUBLIC_KEYS", problem: "holds no key: no token would verify")
            }
            return .es256(signingKey: nil, verificationKeys: verificationKeys)
        }
    }
}
