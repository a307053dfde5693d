import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Accounts and sessions: sign-up, login, refresh, logout, profile, password and deletion.
public struct AccountService: Sendable {
    let database: Database
    let hasher: PasswordHasher
    /// `nil` in functions configured without a signing key, which serve no token routes.
    let accessTokens: AccessTokens?
    let refreshTokenLifetime: Duration
    let throttle: AttemptThrottle

    public init(
        database: Database, hasher: PasswordHasher, accessTokens: AccessTokens?, settings: ChronoViewSettings
    ) {
        self.database = database
        self.hasher = hasher
        self.accessTokens = accessTokens
        self.refreshTokenLifetime = settings.tokens?.refreshTokenLifetime ?? .seconds(30 * 86_400)
        self.throttle = AttemptThrottle(maximumFailures: settings.maximumFailedAttempts, window: settings.attemptWindow)
    }

    public func createUser(email: EmailAddress, password: String, displayName: String?, logger: Logger) async throws
        -> User
    {
        let hash = try await hasher.hash(password)
        let name = displayName ?? String(email.localPart.unicodeScalars.prefix(DisplayName.maximumLength))
        let user = try await database.withConnection { connection in
            try await UserStore.insert(
                id: .version7(), email: email, passwordHash: hash, displayName: name, on: connection, logger: logger)
        }
        guard let user else { throw APIError.emailTaken }
        return user
    }

    /// Checks the password and opens a session. Unknown emails and wrong passwords are answered
    /// alike, each after one bcrypt verification; so is an email that could never have signed up
    /// (too long, control characters), which is never looked up, and a password no account can
    /// have (over 72 bytes), which bcrypt would otherwise cut and compare.
    typealias Credentials = (user: User, passwordHash: String)

    public func login(email rawEmail: String, password: String, logger: Logger) async throws -> Session {
        let email = EmailAddress.normalize(rawEmail)
        let subject = AttemptThrottle.Subject.login(email: email)
        let couldBeAUser = (try? EmailAddress.parse(rawEmail).get()) != nil
        let throttle = self.throttle
        let (decision, credentials) = try await database.withTransaction { connection in
            let decision = try await throttle.reserveAttempt(for: subject, on: connection, logger: logger)
            guard decision == .proceed, couldBeAUser else { return (decision, Credentials?.none) }
            let credentials: Credentials? = try await UserStore.findCredentials(
                email: email, on: connection, logger: logger)
            return (decision, credentials)
        }
        if case .refuse(let seconds) = decision {
            throw APIError.tooManyAttempts(retryAfterSeconds: seconds)
        }
        guard let credentials, PasswordPolicy.couldBeValid(password) else {
            try await hasher.spendOneVerification(password)
            throw APIError.invalidCredentials
        }
        guard try await hasher.verify(password, against: credentials.passwordHash) else {
            throw APIError.invalidCredentials
        }
        let lifetime = refreshTokenLifetime
        let refreshToken = try await database.withTransaction { connection in
            try await throttle.clear(for: subject, on: connection, logger: logger)
            try await RefreshTokenStore.purgeExpired(
                limit: RefreshTokenStore.purgeBatch, on: connection, logger: logger)
            return try await RefreshTokenStore.create(
                userID: credentials.user.id, family: .version7(), lifetime: lifetime, on: connection, logger: logger)
        }
        return try await session(for: credentials.user, refreshToken: refreshToken)
    }

    /// Spends a refresh token for a new pair. A spent token presented again ends its login.
    public func refresh(_ token: RefreshToken, logger: Logger) async throws -> Session {
        let lifetime = refreshTokenLifetime
        let (rotation, user) = try await database.withTransaction { connection in
            let rotation = try await RefreshTokenStore.rotate(token, lifetime: lifetime, on: connection, logger: logger)
            guard case .rotated(let userID, _) = rotation else { return (rotation, User?.none) }
            return (rotation, try await UserStore.find(id: userID, on: connection, logger: logger))
        }
        switch rotation {
        case .rotated(_, let successor):
            guard let user else { throw APIError.unauthorized(tokenSent: true) }
            return try await session(for: user, refreshToken: successor)
        case .reused:
            logger.warning("a spent refresh token was presented again; its login is now revoked")
            throw APIError.unauthorized(tokenSent: true)
        case .rejected:
            throw APIError.unauthorized(tokenSent: true)
        }
    }

    public func logout(_ token: RefreshToken, logger: Logger) async throws {
        try await database.withConnection { connection in
            try await RefreshTokenStore.revokeFamily(of: token, on: connection, logger: logger)
        }
    }

    /// The user an access token was issued to, if the token verifies and the user still exists.
    public func authenticate(_ token: String, logger: Logger) async throws -> User {
        guard let userID = try await requireTokens().verify(token) else {
            throw APIError.unauthorized(tokenSent: true)
        }
        let user = try await database.withConnection { connection in
            try await UserStore.find(id: userID, on: connection, logger: logger)
        }
        guard let user else { throw APIError.unauthorized(tokenSent: true) }
        return user
    }

    public func updateDisplayName(of userID: UUID, to name: String, logger: Logger) async throws -> User {
        let user = try await database.withConnection { connection in
            try await UserStore.updateDisplayName(id: userID, to: name, on: connection, logger: logger)
        }
        guard let user else { throw APIError.unauthorized(tokenSent: true) }
        return user
    }

    /// Changes the password after checking the current one, and ends every login of the user.
    public func changePassword(of userID: UUID, current: String, new: String, logger: Logger) async throws {
        try await checkPassword(of: userID, current, logger: logger)
        let hash = try await hasher.hash(new)
        try await database.withTransaction { connection in
            try await UserStore.updatePasswordHash(id: userID, to: hash, on: connection, logger: logger)
            try await RefreshTokenStore.revokeAll(userID: userID, on: connection, logger: logger)
        }
    }

    /// Deletes the account and everything it owns, after checking the password.
    public func deleteAccount(of userID: UUID, password: String, logger: Logger) async throws {
        try await checkPassword(of: userID, password, logger: logger)
        try await database.withConnection { connection in
            try await UserStore.delete(id: userID, on: connection, logger: logger)
        }
    }

    /// Checks the user's current password, throttled per user as logins are per email: past
    /// the limit a 429, even for the right password, so a stolen access token cannot guess it.
    private func checkPassword(of userID: UUID, _ password: String, logger: Logger) async throws {
        let subject = AttemptThrottle.Subject.currentPassword(userID: userID)
        let throttle = self.throttle
        let (decision, hash) = try await database.withTransaction { connection in
            let decision = try await throttle.reserveAttempt(for: subject, on: connection, logger: logger)
            guard decision == .proceed else { return (decision, String?.none) }
            return (decision, try await UserStore.passwordHash(id: userID, on: connection, logger: logger))
        }
        if case .refuse(let seconds) = decision {
            throw APIError.tooManyAttempts(retryAfterSeconds: seconds)
        }
        guard let hash else { throw APIError.unauthorized(tokenSent: true) }
        guard PasswordPolicy.couldBeValid(password), try await hasher.verify(password, against: hash) else {
            throw APIError.wrongPassword
        }
        try await database.withConnection { connection in
            try await throttle.clear(for: subject, on: connection, logger: logger)
        }
    }

    private func requireTokens() throws -> AccessTokens {
        guard let accessTokens else {
            throw ConfigurationError(variable: "JWT_SECRET", problem: "this function was configured without tokens")
        }
        return accessTokens
    }

    private func session(for user: User, refreshToken: RefreshToken) async throws -> Session {
        let accessTokens = try requireTokens()
        return Session(
            accessToken: try await accessTokens.issue(for: user.id),
            expiresIn: Int(accessTokens.lifetime.components.seconds),
            refreshToken: refreshToken.value,
            user: user
        )
    }
}
