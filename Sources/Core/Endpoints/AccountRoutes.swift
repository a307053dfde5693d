import Runtime

/// The account and session routes, grouped as the functions serve them.
public enum AccountRoutes {
    /// `POST /api/users`
    public static func createUser(_ services: ChronoViewServices) -> [String: HTTPFunction.Endpoint] {
        [
            "POST /api/users": { request, context in
                let signUp = try AccountRequests.signUp(request)
                let user = try await services.accounts.createUser(
                    email: signUp.email, password: signUp.password, displayName: signUp.displayName,
                    logger: context.logger)
                return try .json(user, status: 201, headers: ["location": "/api/me"])
            }
        ]
    }

    /// `POST /api/login`
    public static func login(_ services: ChronoViewServices) -> [String: HTTPFunction.Endpoint] {
        [
            "POST /api/login": { request, context in
                let (email, password) = try AccountRequests.credentials(request)
                let session = try await services.accounts.login(
                    email: email, password: password, logger: context.logger)
                return try .json(session, headers: ["cache-control": "no-store"])
            }
        ]
    }

    /// `POST /api/token/refresh` and `POST /api/logout`: neither needs an access token.
    public static func sessions(_ services: ChronoViewServices) -> [String: HTTPFunction.Endpoint] {
        [
            "POST /api/token/refresh": { request, context in
                let token = try AccountRequests.refreshToken(request)
                let session = try await services.accounts.refresh(token, logger: context.logger)
                return try .json(session, headers: ["cache-control": "no-store"])
            },
            "POST /api/logout": { request, context in
                let token = try AccountRequests.refreshToken(request)
                try await services.accounts.logout(token, logger: context.logger)
                return .noContent()
            },
        ]
    }

    /// `GET`, `PATCH`, `DELETE /api/me` and `PUT /api/me/password`.
    public static func me(_ services: ChronoViewServices) -> [String: HTTPFunction.Endpoint] {
        [
            "GET /api/me": { request, context in
                try .json(try await services.authenticate(request, logger: context.logger))
            },
            "PATCH /api/me": { request, context in
                let user = try await services.authenticate(request, logger: context.logger)
                let name = try AccountRequests.displayName(request)
                return try .json(
                    try await services.accounts.updateDisplayName(of: user.id, to: name, logger: context.logger))
            },
            "PUT /api/me/password": { request, context in
                let user = try await services.authenticate(request, logger: context.logger)
                let (current, new) = try AccountRequests.passwordChange(request)
                try await services.accounts.changePassword(
                    of: user.id, current: current, new: new, logger: context.logger)
                return .noContent()
            },
            "DELETE /api/me": { request, context in
                let user = try await services.authenticate(request, logger: context.logger)
                let password = try AccountRequests.password(request)
                try await services.accounts.deleteAccount(of: user.id, password: password, logger: context.logger)
                return .noContent()
            },
        ]
    }
}
