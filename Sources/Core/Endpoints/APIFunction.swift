/// The functions behind the HTTP API that serve routes of their own, named as their targets
/// under `Sources/Functions` and, with `Function` after it, as their logical ids in
/// `template.yaml`. Each serves exactly the routes its template events declare, which a test
/// checks, so that a route key that does not match the template cannot become a silent 404.
public enum APIFunction: String, CaseIterable, Sendable {
    case createUser = "CreateUser"
    case login = "Login"
    case sessions = "Sessions"
    case me = "Me"
    case health = "Health"
    case charts = "Charts"
    case watchlists = "Watchlists"
    case alerts = "Alerts"
    case candles = "Candles"

    /// Endpoints by route key (`GET /api/me`), over the environment's services.
    public func routes(_ services: ChronoViewServices) -> [String: Endpoint] {
        switch self {
        case .createUser: AccountRoutes.createUser(services)
        case .login: AccountRoutes.login(services)
        // The JWK Set beside refresh and logout: the function that issues tokens publishes the
        // keys they verify with, and answers it without the database.
        case .sessions: AccountRoutes.sessions(services).merging(KeyRoutes.keySet(services)) { served, _ in served }
        case .me: AccountRoutes.me(services)
        case .health: HealthRoutes.health(services)
        case .charts: CollectionRoutes.charts(services)
        case .watchlists: CollectionRoutes.watchlists(services)
        case .alerts: CollectionRoutes.alerts(services)
        case .candles: CandleRoutes.candles(services)
        }
    }

    /// What it does with access tokens, which decides the keys it may hold: only the functions
    /// that issue tokens read a private key; `nil` for those that never see a token.
    public var tokenRole: TokenRole? {
        switch self {
        case .createUser, .health: nil
        case .login, .sessions: .issuer
        case .me, .charts, .watchlists, .alerts, .candles: .verifier
        }
    }
}
