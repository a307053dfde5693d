/// Where and how a ``PostgresConnection`` signs in: libpq's connection keywords.
public struct PostgresConnectionOptions: Sendable, Hashable {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        /// The directory that holds the server's socket, and the port its name carries.
        case unixSocket(directory: String, port: Int)
    }

    /// libpq's `sslmode`s a server-side client uses.
    public enum TLSMode: String, Sendable, Hashable {
        case disable
        /// TLS when the server offers it, as libpq does by default.
        case prefer
        /// Encrypted, the server's certificate unchecked.
        case require
        /// Encrypted to a server whose certificate a trusted CA signed for its host name.
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode
    /// A PEM bundle of the CAs to trust with `verify-full`.
    public var rootCertificatePath: String?
    public var applicationName: String?

    public init(
        endpoint: Endpoint, username: String, password: String?, database: String, tlsMode: TLSMode,
        rootCertificatePath: String? = nil, applicationName: String? = nil
    ) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.rootCertificatePath = rootCertificatePath
        self.applicationName = applicationName
    }

    /// The keywords and values for `PQconnectStartParams`. What is set here wins over libpq's
    /// own `PG*` environment variables; a keyword not set here (a client certificate, say)
    /// still falls back to its variable, as in any libpq program.
    var keywords: [(String, String)] {
        var pairs: [(String, String)] = []
        switch endpoint {
        case .tcp(let host, let port):
            pairs += [("host", host), ("port", String(port))]
        case .unixSocket(let directory, let port):
            pairs += [("host", directory), ("port", String(port))]
        }
        pairs += [("user", username), ("dbname", database), ("sslmode", tlsMode.rawValue)]
        if let password { pairs.append(("password", password)) }
        if let rootCertificatePath { pairs.append(("sslrootcert", rootCertificatePath)) }
        if let applicationName { pairs.append(("application_name", applicationName)) }
        // Text in and out is UTF-8 whatever the server's default; no Kerberos handshake is tried.
        pairs += [("client_encoding", "UTF8"), ("gssencmode", "disable")]
        return pairs
    }
}
