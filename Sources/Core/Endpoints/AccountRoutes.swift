import Runtime

/// The account and session routes, grouped as the functions serve them.
public enum AccountRoutes {
    /// `POST /api/users`
    public static func createUser(_ services: ChronoViewServices) -> [String: Endpoint] {
        [
            "POST /api/users": Endpoint(reading: AccountRequests.signUp) { signUp, _, context in
                let user = try await services.accounts.createUser(
                    email: signUp.email, password: signUp.password, displayName: signUp.displayName,
                    logger: context.logger)
                return try .json(user, status: 201, headers: ["location": "/api/me"])
            }
        ]
    }

    /// `POST /api/login`
    public static func login(_ services: ChronoViewServices) -> [String: Endpoint] {
        [
            "POST /api/login": Endpoint(reading: AccountRequests.credentials) { credentials, _, context in
                let session = try await services.accounts.login(
                    email: credentials.email, password: credentials.password, logger: context.logger)
                return try .json(session, headers: ["cache-control": "no-store"])
            }
        ]
    }

    /// `POST /api/token/refresh` and `POST /api/logout`: neither needs an access token.
    public static func sessions(_ services: ChronoViewServices) -> [String: Endpoint] {
        [
            "POST /api/token/refresh": Endpoint(reading: AccountRequests.refreshToken) { token, _, context in
                let session = try await services.accounts.refresh(token, logger: context.logger)
                return try .json(session, headers: ["cache-control": "no-store"])
            },
            "POST /api/logout": Endpoint(reading: AccountRequests.refreshToken) { token, _, context in
                try await services.accounts.logout(token, logger: context.logger)
                return .noContent()
            },
        ]
    }

    /// `GET`, `PATCH`, `DELETE /api/me` and `PUT /api/me/password`.
    public static func me(_ services: ChronoViewServices) -> [String: Endpoint] {
        [
            "GET /api/me": Endpoint(authenticatingWith: services) { user, _, _ in try .json(user) },
            "PATCH /api/me": Endpoint(authenticatingWith: services, reading: AccountRequests.displayNameChange) {
                user, change, _, context in
                try .json(
                    try await services.accounts.updateDisplayName(
                        of: user.id, to: change.displayName, logger: context.logger))
            },
            "PUT /api/me/password": Endpoint(authenticatingWith: services, reading: AccountRequests.passwordChange) {
                user, change, _, context in
                try await services.accounts.changePassword(
                    of: user.id, current: change.current, new: change.new, logger: context.logger)
                return .noContent()
            },
            "DELETE /api/me": Endpoint(authenticatingWith: services, reading: AccountRequests.passwordConfirmation) {
                user, confirmation, _, context in
                try await services.accounts.deleteAccount(
                    of: user.id, password: confirmation.password, logger: context.logger)
                return .noContent()
            },
        ]
    }
}
