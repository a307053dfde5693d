import AWSSigning
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How to reach PostgreSQL: `DATABASE_URL`, or libpq's `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`,
/// `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT` and `PGAPPNAME`; and with `DATABASE_AUTH=iam`,
/// signing in with RDS IAM tokens instead of a password.
public struct DatabaseSettings: Sendable, Hashable {
    /// Signing in with RDS IAM authentication tokens, made with the function's own credentials.
    public struct IAMAuthentication: Sendable, Hashable {
        /// The database's region, which the token is signed for.
        public var region: String
        /// The function role's, which must be allowed `rds-db:connect` as the user.
        public var credentials: AWSCredentials

        public init(region: String, credentials: AWSCredentials) {
            self.region = region
            self.credentials = credentials
        }
    }

    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unixSocket(path: String)
    }

    /// The libpq modes that make sense for a server-side client (the client's own); the others
    /// are refused rather than silently weakened.
    public typealias TLSMode = PostgresConnectionOptions.TLSMode

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode
    /// A PEM bundle of the CAs to trust with `verify-full` (RDS's, say); the system's when nil.
    public var rootCertificatePath: String?
    /// Connections in this environment's pool: one invocation at a time needs one.
    public var poolSize: Int
    /// The `application_name` of its sessions, so that `pg_stat_activity` (and RDS Proxy's
    /// metrics) tell which function holds which connection.
    public var applicationName: String?
    /// When set, the password is ignored: each client signs in with an IAM token made when it is,
    /// and gives way to a new client with a new token every 14 minutes.
    public var iamAuthentication: IAMAuthentication?

    public init(
        endpoint: Endpoint,
        username: String,
        password: String?,
        database: String,
        tlsMode: TLSMode,
        rootCertificatePath: String? = nil,
        poolSize: Int = 1,
        applicationName: String? = nil
    ) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.rootCertificatePath = rootCertificatePath
        self.poolSize = poolSize
        self.applicationName = applicationName
    }

    /// Reads the settings; `DATABASE_URL` wins over the `PG*` variables. Sessions are named
    /// after `PGAPPNAME`, else the `application_name` of `DATABASE_URL`, else the function.
    public init(
        environment: EnvironmentVariables, password overridePassword: String? = nil,
        username overrideUser: String? = nil
    )
        throws(ConfigurationError)
    {
        let poolSize = try environment.integer("DATABASE_POOL_SIZE", in: 1...100, default: 1)
        if let url = environment["DATABASE_URL"] {
            try self.init(url: url, poolSize: poolSize)
        } else {
            guard let host = environment["PGHOST"] else {
                throw ConfigurationError(variable: "DATABASE_URL", problem: "set DATABASE_URL or PGHOST")
            }
            let port = try environment.integer("PGPORT", in: 1...65_535, default: 5432)
            let mode = try Self.tlsMode(environment["PGSSLMODE"], variable: "PGSSLMODE")
            let endpoint: Endpoint =
                host.hasPrefix("/") ? .unixSocket(path: "\(host)/.s.PGSQL.\(port)") : .tcp(host: host, port: port)
            guard let username = overrideUser ?? environment["PGUSER"] else {
                throw ConfigurationError(variable: "PGUSER", problem: "is not set")
            }
            self.init(
                endpoint: endpoint,
                username: username,
                password: overridePassword ?? environment["PGPASSWORD"],
                database: environment["PGDATABASE"] ?? username,
                tlsMode: mode,
                rootCertificatePath: environment["PGSSLROOTCERT"],
                poolSize: poolSize
            )
        }
        applicationName = environment["PGAPPNAME"] ?? applicationName ?? environment["AWS_LAMBDA_FUNCTION_NAME"]
        iamAuthentication = try Self.iamAuthentication(environment)
        // A token opens connections for 15 minutes: it goes only to a server whose certificate
        // was verified, never to whoever answers in the middle.
        if iamAuthentication != nil, tlsMode != .verifyFull {
            throw ConfigurationError(variable: "PGSSLMODE", problem: "DATABASE_AUTH=iam needs verify-full")
        }
    }

    /// `DATABASE_AUTH`: `password` (the default) or `iam`, which signs in with tokens made with
    /// the function's credentials (`AWS_ACCESS_KEY_ID`, ...) for `AWS_REGION`.
    private static func iamAuthentication(_ environment: EnvironmentVariables) throws(ConfigurationError)
        -> IAMAuthentication?
    {
        switch environment["DATABASE_AUTH"] {
        case nil, "password":
            return nil
        case "iam":
            return IAMAuthentication(region: try environment.awsRegion(), credentials: try environment.awsCredentials())
        case let other?:
            throw ConfigurationError(variable: "DATABASE_AUTH", problem: "unsupported '\(other)' (password, iam)")
        }
    }

    /// Parses `postgres://user:password@host:port/database?sslmode=...`.
    public init(url: String, poolSize: Int = 1) throws(ConfigurationError) {
        let variable = "DATABASE_URL"
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw ConfigurationError(
                variable: variable, problem: "expected postgres://user:password@host:port/database")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name.lowercased(), $0.value ?? "") }, uniquingKeysWith: { $1 })
        // URLComponents decodes the user, password and path itself: decoding them again would
        // turn a password with `%25` in it into another password, or none.
        guard let username = components.user, !username.isEmpty else {
            throw ConfigurationError(variable: variable, problem: "names no user")
        }
        let database = components.path.drop { $0 == "/" }
        let port = components.port ?? 5432
        let endpoint: Endpoint
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            endpoint = .unixSocket(path: "\(socketDirectory)/.s.PGSQL.\(port)")
        } else {
            guard let host = components.host, !host.isEmpty else {
                throw ConfigurationError(variable: variable, problem: "names no host")
            }
            endpoint = .tcp(host: host.trimmingScalars { $0 == "[" || $0 == "]" }, port: port)
        }
        self.init(
            endpoint: endpoint,
            username: username,
            password: components.password,
            database: database.isEmpty ? username : String(database),
            tlsMode: try Self.tlsMode(query["sslmode"], variable: variable),
            rootCertificatePath: query["sslrootcert"],
            poolSize: poolSize,
            applicationName: query["application_name"]
        )
    }

    private static func tlsMode(_ value: String?, variable: String) throws(ConfigurationError) -> TLSMode {
        guard let mode = TLSMode(rawValue: value ?? TLSMode.prefer.rawValue) else {
            throw ConfigurationError(
                variable: variable,
                problem: "unsupported sslmode '\(value ?? "")' (disable, prefer, require, verify-full)")
        }
        return mode
    }

}
