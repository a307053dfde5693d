/// Secrets read from AWS Secrets Manager at initialisation instead of plain environment values.
///
/// A key secret's `AWSCURRENT` value signs; its `AWSPENDING` and `AWSPREVIOUS` values, when it has
/// them, only verify: the one about to become current, and the one that was (README.md,
/// "Rotating the JWT signing key").
public struct FetchedSecrets: Sendable {
    /// HS256: the `JWT_SECRET_ARN` secret.
    public var jwtSecret: String?
    public var verifyingOnlyJWTSecrets: [String]
    /// ES256, read by the functions that issue tokens only: the `JWT_SIGNING_KEY_SECRET_ARN` secret.
    public var jwtSigningKey: String?
    public var verifyingOnlyJWTSigningKeys: [String]
    public var databaseUsername: String?
    public var databasePassword: String?
    /// The password RDS Proxy signs the application role in with: the
    /// `DATABASE_APPLICATION_SECRET_ARN` secret, which only `Migrate` reads, to give it to the role.
    public var applicationRolePassword: String?

    public init(
        jwtSecret: String? = nil, verifyingOnlyJWTSecrets: [String] = [], jwtSigningKey: String? = nil,
        verifyingOnlyJWTSigningKeys: [String] = [], databaseUsername: String? = nil, databasePassword: String? = nil
    ) {
        self.jwtSecret = jwtSecret
        self.verifyingOnlyJWTSecrets = verifyingOnlyJWTSecrets
        self.jwtSigningKey = jwtSigningKey
        self.verifyingOnlyJWTSigningKeys = verifyingOnlyJWTSigningKeys
        self.databaseUsername = databaseUsername
        self.databasePassword = databasePassword
    }
}
