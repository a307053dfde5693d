import Logging
import NIOCore
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Fetches the secrets named by `JWT_SECRET_ARN`, `JWT_SIGNING_KEY_SECRET_ARN` and
/// `DATABASE_SECRET_ARN` (an RDS-managed secret: JSON with `username` and `password`) from
/// Secrets Manager at initialisation.
enum SecretsLoader {
    /// Whether any setting is to be read from Secrets Manager.
    static func namesSecrets(_ environment: EnvironmentVariables) -> Bool {
        ["JWT_SECRET_ARN", "JWT_SIGNING_KEY_SECRET_ARN", "DATABASE_SECRET_ARN"].contains { environment[$0] != nil }
    }

    /// - Parameter tokens: what the function does with tokens; only an issuer reads the ES256
    ///   signing key, and a function without tokens reads no key at all.
    static func load(
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
