import Logging
import Runtime
import Synchronization

/// Builds an execution environment's ``ChronoViewServices`` once and hands them out after.
///
/// Where the configuration names secrets in Secrets Manager, they are built on first use,
/// because the secrets extension does not answer during Lambda's init phase; otherwise they are
/// built at once, so that a bad setting fails the cold start with an init error.
public final class ServicesBootstrap: Sendable {
    private let cached: Mutex<ChronoViewServices?>
    private let build: @Sendable (Logger) async throws -> ChronoViewServices

    /// - Parameter usesTokens: false for functions that never see an access token (they need no key).
    public init(
        _ context: LambdaInitializationContext,
        environment: EnvironmentVariables = .process,
        usesTokens: Bool = true
    ) async throws {
        let eventLoop = context.eventLoop
        let build: @Sendable (Logger) async throws -> ChronoViewServices = { logger in
            let secrets = try await SecretsLoader.load(environment: environment, logger: logger, eventLoop: eventLoop)
            let settings = try ChronoViewSettings(environment: environment, secrets: secrets, usesTokens: usesTokens)
            return try await ChronoViewServices.make(
                settings: settings, eventLoop: eventLoop, logger: context.logger,
                runInBackground: context.runInBackground)
        }
        self.build = build
        cached = Mutex(SecretsLoader.namesSecrets(environment) ? nil : try await build(context.logger))
    }

    /// The services, built now if this is their first use.
    public func services(logger: Logger) async throws -> ChronoViewServices {
        if let services = cached.withLock({ $0 }) { return services }
        // Lambda runs one invocation at a time per environment, so two builds never race here.
        let services = try await build(logger)
        cached.withLock { $0 = services }
        return services
    }
}
