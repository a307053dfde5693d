import Logging
import NIOCore
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Fetches the secrets named by `JWT_SECRET_ARN`, `JWT_SIGNING_KEY_SECRET_ARN`,
/// `DATABASE_SECRET_ARN` (an RDS-managed secret: JSON with `username` and `password`) and
/// `DATABASE_APPLICATION_SECRET_ARN` (the same, for ``ApplicationRole``) from Secrets Manager at
/// initialisation.
public enum SecretsLoader {
    /// Whether any setting is to be read from Secrets Manager.
    static func namesSecrets(_ environment: EnvironmentVariables) -> Bool {
        ["JWT_SECRET_ARN", "JWT_SIGNING_KEY_SECRET_ARN", "DATABASE_SECRET_ARN", "DATABASE_APPLICATION_SECRET_ARN"]
            .contains { environment[$0] != nil }
    }

    /// - Parameter tokens: what the function does with tokens; only an issuer reads the ES256
    ///   signing key, and a function without tokens reads no key at all.
    public static func load(
        environment: EnvironmentVariables,
        tokens: TokenRole?,
        logger: Logger,
        client: SecretsExtensionClient = SecretsExtensionClient(),
        eventLoop: any EventLoop
    ) async throws -> FetchedSecrets {
        var secrets = FetchedSecrets()
        if tokens != nil, let id = environment["JWT_SECRET_ARN"] {
            (secrets.jwtSecret, secrets.verifyingOnlyJWTSecrets) = try await stages(
                of: id, variable: "JWT_SECRET_ARN", client: client, eventLoop: eventLoop)
        } else if tokens == .issuer, let id = environment["JWT_SIGNING_KEY_SECRET_ARN"] {
            // Not beside an HS256 secret, which wins (TokenSettings): no key is read for nothing.
            (secrets.jwtSigningKey, secrets.verifyingOnlyJWTSigningKeys) = try await stages(
                of: id, variable: "JWT_SIGNING_KEY_SECRET_ARN", client: client, eventLoop: eventLoop)
        }
        if let id = environment["DATABASE_SECRET_ARN"] {
            let credentials = try await databaseCredentials(
                id, variable: "DATABASE_SECRET_ARN", client: client, eventLoop: eventLoop)
            secrets.databaseUsername = credentials.username
            secrets.databasePassword = credentials.password
        }
        if let id = environment["DATABASE_APPLICATION_SECRET_ARN"] {
            let credentials = try await databaseCredentials(
                id, variable: "DATABASE_APPLICATION_SECRET_ARN", client: client, eventLoop: eventLoop)
            guard credentials.username == ApplicationRole.name else {
                throw ConfigurationError(
                    variable: "DATABASE_APPLICATION_SECRET_ARN",
                    problem: "the secret names user '\(credentials.username)', not \(ApplicationRole.name)")
            }
            secrets.applicationRolePassword = credentials.password
        }
        return secrets
    }

    /// A database user's secret, as RDS keeps it: JSON with `username` and `password`.
    private static func databaseCredentials(
        _ id: String, variable: String, client: SecretsExtensionClient, eventLoop: any EventLoop
    ) async throws -> (username: String, password: String) {
        struct Credentials: Decodable {
            var username: String
            var password: String
        }
        let json = try await fetch(id, variable: variable, client: client, eventLoop: eventLoop)
        guard let credentials = try? JSONDecoder().decode(Credentials.self, from: Data(json.utf8)) else {
            throw ConfigurationError(variable: variable, problem: "the secret is not JSON with username and password")
        }
        return (credentials.username, credentials.password)
    }

    /// A key secret's `AWSCURRENT` value, which signs, and its `AWSPENDING` and `AWSPREVIOUS`
    /// values, which only verify: a secret that is not being rotated lacks them, which is not an
    /// error.
    private static func stages(
        of id: String, variable: String, client: SecretsExtensionClient, eventLoop: any EventLoop
    ) async throws -> (current: String, verifyingOnly: [String]) {
        let current = try await fetch(id, variable: variable, client: client, eventLoop: eventLoop)
        var verifyingOnly: [String] = []
        for stage in ["AWSPENDING", "AWSPREVIOUS"] {
            if let value = try? await client.secretString(id: id, versionStage: stage, on: eventLoop) {
                verifyingOnly.append(value)
            }
        }
        return (current, verifyingOnly)
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
