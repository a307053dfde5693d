import Core
import LambdaEvents
import Runtime

/// The `Migrate` function: applies pending migrations when invoked, directly (`{}`) or by the
/// deployment's CloudFormation custom resource, which it answers through the pre-signed URL.
public struct MigrationHandler: LambdaHandler {
    public struct Result: Encodable, Sendable {
        public var applied: [Int]
        public var current: Int
    }

    let bootstrap: ServicesBootstrap<ChronoViewServices>

    public init(_ context: LambdaInitializationContext) async throws {
        bootstrap = try await ServicesBootstrap(context, tokens: nil) { $0 }
    }

    /// What the invocation migrated; `nil` (JSON `null`) for the stack's Delete, which migrates nothing.
    public func handle(_ event: JSONValue, context: LambdaContext) async throws -> Result? {
        let migrator = Migrator()
        if let request = CustomResourceRequest(event) {
            return try await CustomResourceResponder.respond(to: request, context: context) {
                try await migrate(migrator, context: context)
            }
        }
        return try await migrate(migrator, context: context)
    }

    private func migrate(_ migrator: Migrator, context: LambdaContext) async throws -> Result {
        let services = try await bootstrap.value(logger: context.logger)
        let applied = try await migrator.migrate(services.database, logger: context.logger)
        if let password = services.settings.applicationRolePassword {
            try await ApplicationRole.setPassword(password, in: services.database)
        }
        return Result(applied: applied, current: migrator.migrations.last?.version ?? 0)
    }
}
