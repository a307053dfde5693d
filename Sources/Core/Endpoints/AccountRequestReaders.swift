/// The account routes' body readers, reachable without the services behind the routes.
///
/// Each reads and validates a request exactly as its route does before touching the database, so
/// that hostile bodies can be thrown at every reader (the fuzz targets do) with no server running.
public enum AccountRequestReaders {
    /// The route keys that read a body, as `template.yaml` declares them.
    public static let routeKeys = [
        "POST /api/users", "POST /api/login", "POST /api/token/refresh", "POST /api/logout",
        "PATCH /api/me", "PUT /api/me/password", "DELETE /api/me",
    ]

    /// Reads `request` as the route `routeKey` does: the fields it accepted (normalised as the route
    /// will use them), or the route's `APIError`. `nil` for a route that reads no body.
    public static func read(_ routeKey: String, _ request: HTTPRequest) throws -> [String: String]? {
        switch routeKey {
        case "POST /api/users":
            let signUp = try AccountRequests.signUp(request)
            var fields = ["email": signUp.email.value, "password": signUp.password]
            fields["display_name"] = signUp.displayName
            return fields
        case "POST /api/login":
            let (email, password) = try AccountRequests.credentials(request)
            return ["email": email, "password": password]
        case "POST /api/token/refresh", "POST /api/logout":
            return ["refresh_token": try AccountRequests.refreshToken(request).value]
        case "PATCH /api/me":
            return ["display_name": try AccountRequests.displayName(request)]
        case "PUT /api/me/password":
            let (current, new) = try AccountRequests.passwordChange(request)
            return ["current_password": current, "new_password": new]
        case "DELETE /api/me":
            return ["password": try AccountRequests.password(request)]
        default:
            return nil
        }
    }
}
