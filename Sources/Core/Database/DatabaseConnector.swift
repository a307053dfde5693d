import NIOCore
import NIOPosix
import Postgres
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Opens the environment's sessions with ``DatabaseSettings``, signing in with the password,
/// or with an RDS IAM token made when a session opens and reused until its ``DatabasePassword/lifetime``.
///
/// A token only opens sessions: one already open stays open after the token expires, so a
/// session never has to give way to a fresh token, only the next one to open needs it.
/// Expiry is judged by the wall clock, as AWS judges the token: its 15 minutes count from the
/// date it was signed for, whatever the environment did meanwhile (Lambda freezes it).
final class DatabaseConnector: Sendable {
    private let options: PostgresConnectionOptions
    private let password: DatabasePassword
    private let threadPool: NIOThreadPool?
    /// The wall clock (a test's own in tests).
    private let now: @Sendable () -> Date
    /// The password made last, and when it stops opening sessions.
    private let made = Mutex<(password: String?, expiresAt: Date?)?>(nil)
    /// How long opening a session may take, within the operation's own deadline.
    static let connectTimeout = TimeAmount.seconds(3)

    init(
        settings: DatabaseSettings, password: DatabasePassword, threadPool: NIOThreadPool?,
        now: @escaping @Sendable () -> Date
    ) {
        self.options = Self.options(settings)
        self.password = password
        self.threadPool = threadPool
        self.now = now
    }

    /// Opens a session by `deadline` (and within ``connectTimeout``).
    func connect(until deadline: NIODeadline) async throws(PostgresError) -> PostgresConnection {
        var options = self.options
        options.password = currentPassword()
        return try await PostgresConnection.connect(
            options, until: min(deadline, .now() + Self.connectTimeout), waitingOn: threadPool)
    }

    /// The password to sign in with now: the one made before while it lasts, else a new one.
    private func currentPassword() -> String? {
        made.withLock { made in
            if let made, made.expiresAt.map({ now() < $0 }) ?? true { return made.password }
            let fresh = (password: password.make(), expiresAt: password.lifetime.map { now() + $0 / .seconds(1) })
            made = fresh
            return fresh.password
        }
    }

    private static func options(_ settings: DatabaseSettings) -> PostgresConnectionOptions {
        let endpoint: PostgresConnectionOptions.Endpoint
        switch settings.endpoint {
        case .tcp(let host, let port):
            endpoint = .tcp(host: host, port: port)
        case .unixSocket(let path):
            endpoint = Self.socketEndpoint(path)
        }
        return PostgresConnectionOptions(
            endpoint: endpoint, username: settings.username, password: nil, database: settings.database,
            tlsMode: settings.tlsMode,
            rootCertificatePath: settings.rootCertificatePath
                ?? (settings.tlsMode == .verifyFull ? SystemTrustStore.bundlePath : nil),
            applicationName: settings.applicationName)
    }

    /// libpq names a socket by its directory and the port in its file name (`.s.PGSQL.5432`).
    private static func socketEndpoint(_ path: String) -> PostgresConnectionOptions.Endpoint {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { path[path.index(after: $0)...] } ?? Substring(path)
        let port = name.hasPrefix(".s.PGSQL.") ? Int(name.dropFirst(".s.PGSQL.".count)) ?? 5432 : 5432
        return .unixSocket(directory: directory.isEmpty ? "/" : directory, port: port)
    }
}
