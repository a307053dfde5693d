import Logging
import PostgresNIO
import Runtime

/// What every ChronoView function shares, made once per execution environment at initialisation
/// and reused by every invocation: settings, the database client, and the account logic.
public struct ChronoViewServices: Sendable {
    public let settings: ChronoViewSettings
    public let database: Database
    public let accessTokens: AccessTokens
    public let accounts: AccountService

    /// Reads the configuration and prepares the database client, whose pool then runs beside the
    /// invocation loop. Connecting waits for the first query, keeping the cold start short.
    public static func bootstrap(
        _ context: LambdaInitializationContext,
        environment: EnvironmentVariables = .process
    ) async throws -> ChronoViewServices {
        let secrets = try await SecretsLoader.load(
            environment: environment, logger: context.logger, eventLoop: context.eventLoop)
        let settings = try ChronoViewSettings(environment: environment, secrets: secrets)
        let database = try Database(
            settings: settings.database, timeout: settings.databaseTimeout, eventLoopGroup: context.eventLoop,
            logger: context.logger)
        context.runInBackground { await database.client.run() }
        return await ChronoViewServices(settings: settings, database: database)
    }

    public init(settings: ChronoViewSettings, database: Database) async {
        self.settings = settings
        self.database = database
        let accessTokens = await AccessTokens(settings: settings.tokens)
        self.accessTokens = accessTokens
        self.accounts = AccountService(
            database: database, hasher: PasswordHasher(cost: settings.bcryptCost), accessTokens: accessTokens,
            settings: settings)
    }

    /// The user behind the request's bearer token; a 401 otherwise.
    public func authenticate(_ request: HTTPRequest, logger: Logger) async throws -> User {
        try await accounts.authenticate(try BearerToken.from(request), logger: logger)
    }
}
