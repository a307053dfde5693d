import Logging
import Runtime
import Synchronization

/// Builds, once per execution environment, what a function serves with: its
/// ``ChronoViewServices`` and whatever the function makes of them (its route table, say).
///
/// Where the configuration names secrets in Secrets Manager, that is built on first use,
/// because the secrets extension does not answer during Lambda's init phase; otherwise it is
/// built at once, so that a bad setting fails the cold start with an init error.
public final class ServicesBootstrap<Value: Sendable>: Sendable {
    private let cached: Mutex<Value?>
    private let build: @Sendable (Logger) async throws -> Value

    /// - Parameters:
    ///   - tokens: what the function does with access tokens, which decides the keys it reads;
    ///     `nil` for one that never sees them (it needs no key).
    ///   - make: what the function keeps of the services; called once.
    public init(
        _ context: LambdaInitializationContext,
        environment: EnvironmentVariables = .process,
        tokens: TokenRole?,
        make: @escaping @Sendable (ChronoViewServices) -> Value
    ) async throws {
        let eventLoop = context.eventLoop
        let build: @Sendable (Logger) async throws -> Value = { logger in
            let secrets = try await SecretsLoader.load(
                environment: environment, tokens: tokens, logger: logger, eventLoop: eventLoop)
            let settings = try ChronoViewSettings(environment: environment, secrets: secrets, tokens: tokens)
            return make(
                try await ChronoViewServices.make(
                    settings: settings, eventLoop: eventLoop, logger: context.logger,
                    runInBackground: context.runInBackground))
        }
        self.build = build
        cached = Mutex(SecretsLoader.namesSecrets(environment) ? nil : try await build(context.logger))
    }

    /// The value, built now if this is its first use.
    public func value(logger: Logger) async throws -> Value {
        if let value = cached.withLock({ $0 }) { return value }
        // Lambda runs one invocation at a time per environment, so two builds never race here.
        let value = try await build(logger)
        cached.withLock { $0 = value }
        return value
    }
}
