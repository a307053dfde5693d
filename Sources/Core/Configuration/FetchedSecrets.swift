/// Secrets read from AWS Secrets Manager at initialisation instead of plain environment values.
public struct FetchedSecrets: Sendable {
    public var jwtSecret: String?
    /// Keys from before a rotation (the secret's `AWSPREVIOUS` stage), still accepted for verifying.
    public var previousJWTSecrets: [String]
    public var databaseUsername: String?
    public var databasePassword: String?

    public init(
        jwtSecret: String? = nil, previousJWTSecrets: [String] = [], databaseUsername: String? = nil,
        databasePassword: String? = nil
    ) {
        self.jwtSecret = jwtSecret
        self.previousJWTSecrets = previousJWTSecrets
        self.databaseUsername = databaseUsername
        self.databasePassword = databasePassword
    }
}
