/// Everything a ChronoView function is configured with, read once at initialisation.
public struct ChronoViewSettings: Sendable {
    public var database: DatabaseSettings
    /// How access tokens are signed; `nil` for a function that neither issues nor checks them.
    public var tokens: TokenSettings?
    /// bcrypt's cost factor (2^cost rounds).
    public var bcryptCost: Int
    /// Failed password checks of one email at login, or of one user confirming their current
    /// password, within `attemptWindow`, before further attempts are refused.
    public var maximumFailedAttempts: Int
    public var attemptWindow: Duration
    /// The longest a database operation may take before the request gets a 503.
    public var databaseTimeout: Duration
    /// How many days 1-minute candles are kept once their rollups exist; `nil` keeps them for ever.
    public var candleMinuteRetentionDays: Int?
    /// The password `Migrate` gives ``ApplicationRole``; `nil` leaves the role's password alone.
    public var applicationRolePassword: String?

    public init(
        database: DatabaseSettings,
        tokens: TokenSettings?,
        bcryptCost: Int = 12,
        maximumFailedAttempts: Int = 5,
        attemptWindow: Duration = .seconds(15 * 60),
        databaseTimeout: Duration = .seconds(5),
        candleMinuteRetentionDays: Int? = nil
    ) {
        self.database = database
        self.tokens = tokens
        self.bcryptCost = bcryptCost
        self.maximumFailedAttempts = maximumFailedAttempts
        self.attemptWindow = attemptWindow
        self.databaseTimeout = databaseTimeout
        self.candleMinuteRetentionDays = candleMinuteRetentionDays
    }

    /// Reads the settings from the environment, with the secrets fetched from Secrets Manager
    /// when `JWT_SECRET_ARN`, `JWT_SIGNING_KEY_SECRET_ARN` and `DATABASE_SECRET_ARN` name them.
    /// `tokens` is what the function does with access tokens (which decides the keys it reads),
    /// `nil` for one that never sees them and needs no key.
    public init(
        environment: EnvironmentVariables, secrets: FetchedSecrets = FetchedSecrets(), tokens: TokenRole? = .issuer
    ) throws(ConfigurationError) {
        self.init(
            database: try DatabaseSettings(
                environment: environment, password: secrets.databasePassword, username: secrets.databaseUsername),
            tokens: try tokens.map { (role) throws(ConfigurationError) in
                try TokenSettings(environment: environment, role: role, secrets: secrets)
            },
            bcryptCost: try environment.integer("BCRYPT_COST", in: 4...31, default: 12),
            databaseTimeout: .milliseconds(
                try environment.integer("DATABASE_TIMEOUT_MS", in: 100...60_000, default: 5_000)),
            candleMinuteRetentionDays: try Self.retentionDays(environment)
        )
        applicationRolePassword = secrets.applicationRolePassword
    }

    /// `CANDLE_MINUTE_RETENTION_DAYS`; 0, the default, keeps the minutes for ever.
    private static func retentionDays(_ environment: EnvironmentVariables) throws(ConfigurationError) -> Int? {
        let days = try environment.integer("CANDLE_MINUTE_RETENTION_DAYS", in: 0...36_500, default: 0)
        return days == 0 ? nil : days
    }
}
