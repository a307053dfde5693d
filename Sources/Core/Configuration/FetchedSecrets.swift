/// Secrets read from AWS Secrets Manager at initialisation instead of plain environment values.
public struct FetchedSecrets: Sendable {
    public var jwtSecret: String?
    public var databaseUsername: String?
    public var databasePassword: String?

    public init(jwtSecret: String? = nil, databaseUsername: String? = nil, databasePassword: String? = nil) {
        self.jwtSecret = jwtSecret
        self.databaseUsername = databaseUsername
        self.databasePassword = databasePassword
    }
}
