import Logging
import NIOCore
import Runtime

/// What every ChronoView function shares, made once per execution environment and reused by
/// every invocation: settings, the database client, and the account logic.
public struct ChronoViewServices: Sendable {
    public let settings: ChronoViewSettings
    public let database: Database
    public let accounts: AccountService
    public let candles: CandleService

    /// Builds the services; the database client's pool runs through `runInBackground` and
    /// opens its connection at once, without holding up the cold start (see
    /// ``Database/init(settings:timeout:eventLoopGroup:logger:)`` for why it does not wait).
    static func make(
        settings: ChronoViewSettings,
        eventLoop: any EventLoop,
        logger: Logger,
        runInBackground: (@escaping @Sendable () async -> Void) -> Void
    ) async throws -> ChronoViewServices {
        let database = try Database(
            settings: settings.database, timeout: settings.databaseTimeout, eventLoopGroup: eventLoop, logger: logger)
        runInBackground { await database.run() }
        return await ChronoViewServices(settings: settings, database: database)
    }

    public init(settings: ChronoViewSettings, database: Database) async {
        self.settings = settings
        self.database = database
        let accessTokens: AccessTokens? =
            if let tokens = settings.tokens { await AccessTokens(settings: tokens) } else { nil }
        self.accounts = AccountService(
            database: database, hasher: PasswordHasher(cost: settings.bcryptCost), accessTokens: accessTokens,
            settings: settings)
        self.candles = CandleService(database: database, minuteRetentionDays: settings.candleMinuteRetentionDays)
    }

    /// The user behind the request's bearer token; a 401 otherwise.
    public func authenticate(_ request: HTTPRequest, logger: Logger) async throws -> User {
        try await accounts.authenticate(try BearerToken.from(request), logger: logger)
    }
}
