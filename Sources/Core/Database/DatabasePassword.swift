import AWSSigning

/// What a client signs in with: the configured password, which never expires, or with IAM
/// authentication a token made for each client, which opens connections for 15 minutes.
struct DatabasePassword: Sendable {
    /// How long a client may rely on a password from ``make``; `nil` when it does not expire.
    var lifetime: Duration?
    var make: @Sendable () -> String?

    /// A token opens connections for 15 minutes; a client gives way a minute before, so that a
    /// connection it reopens at the last moment still signs in despite some clock skew.
    static let tokenLifetime = Duration.seconds(14 * 60)

    init(settings: DatabaseSettings) throws(ConfigurationError) {
        guard let iam = settings.iamAuthentication else {
            let password = settings.password
            self.init(lifetime: nil) { password }
            return
        }
        guard case .tcp(let host, let port) = settings.endpoint else {
            throw ConfigurationError(variable: "DATABASE_AUTH", problem: "IAM authentication needs a TCP host")
        }
        let username = settings.username
        self.init(lifetime: Self.tokenLifetime) {
            RDSAuthenticationToken(
                hostname: host, port: port, username: username, region: iam.region, credentials: iam.credentials
            ).value
        }
    }

    init(lifetime: Duration?, make: @escaping @Sendable () -> String?) {
        self.lifetime = lifetime
        self.make = make
    }
}
