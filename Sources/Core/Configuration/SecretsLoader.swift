import Logging
import NIOCore
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Fetches the secrets named by `JWT_SECRET_ARN` and `DATABASE_SECRET_ARN` (an RDS-managed
/// secret: JSON with `username` and `password`) from Secrets Manager at initialisation.
enum SecretsLoader {
    /// Whether any setting is to be read from Secrets Manager.
    static func namesSecrets(_ environment: EnvironmentVariables) -> Bool {
        environment["JWT_SECRET_ARN"] != nil || environment["DATABASE_SECRET_ARN"] != nil
    }

    static func load(
        environment: EnvironmentVariables,
        logger: Logger,
        client: SecretsExtensionClient = SecretsExtensionClient(),
        eventLoop: any EventLoop
    ) async throws -> FetchedSecrets {
        var secrets = FetchedSecrets()
        if let id = environment["JWT_SECRET_ARN"] {
            secrets.jwtSecret = try await fetch(id, variable: "JWT_SECRET_ARN", client: client, eventLoop: eventLoop)
            // During a rotation the previous value still verifies tokens it signed; a secret
            // that was never rotated has no such stage, which is not an error.
            if let previous = try? await client.secretString(id: id, versionStage: "AWSPREVIOUS", on: eventLoop) {
                secrets.previousJWTSecrets = [previous]
            }
        }
        if let id = environment["DATABASE_SECRET_ARN"] {
            let json = try await fetch(id, variable: "DATABASE_SECRET_ARN", client: client, eventLoop: eventLoop)
            struct Credentials: Decodable {
                var username: String
                var password: String
            }
            guard let credentials = try? JSONDecoder().decode(Credentials.self, from: Data(json.utf8)) else {
                throw ConfigurationError(
                    variable: "DATABASE_SECRET_ARN", problem: "the secret is not JSON with username and password")
            }
            secrets.databaseUsername = credentials.username
            secrets.databasePassword = credentials.password
        }
        return secrets
    }

    private static func fetch(
        _ id: String, variable: String, client: SecretsExtensionClient, eventLoop: any EventLoop
    ) async throws -> String {
        do {
            return try await client.secretString(id: id, on: eventLoop)
        } catch {
            throw ConfigurationError(variable: variable, problem: "cannot read the secret: \(error)")
        }
    }
}
