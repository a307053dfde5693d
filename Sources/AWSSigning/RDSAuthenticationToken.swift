#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The password with which an RDS database or RDS Proxy lets in a user of IAM database
/// authentication: what `aws rds generate-db-auth-token` prints.
///
/// The token is a `connect` request to the database's endpoint, presigned for the `rds-db`
/// service: generating it is local work, with no call to AWS. It is valid for 15 minutes from
/// the date it is generated for, and only checked when a connection opens: a connection opened
/// with it outlives it, but every new connection (a pool's included) needs an unexpired token.
public struct RDSAuthenticationToken: Sendable, Hashable, CustomStringConvertible {
    /// The token itself, to send as the password (over TLS, which IAM authentication requires).
    public let value: String

    /// The token for connecting to `hostname` and `port` as `username`, signed as of `date`.
    ///
    /// - Parameters:
    ///   - hostname: the endpoint of the database or proxy, as the client connects to it; an IPv6
    ///     address in brackets (`[2001:db8::1]`).
    ///   - username: the database user to log in as: granted `rds_iam` on an instance, or named by
    ///     an auth entry with IAM required on an RDS Proxy.
    ///   - region: the database's region (`eu-west-1`, say).
    ///   - credentials: those of an identity allowed `rds-db:connect` to `username`.
    public init(
        hostname: String, port: Int, username: String, region: String, credentials: AWSCredentials,
        at date: Date = Date()
    ) {
        // The signed host is the one a URL parser would give for `https://hostname:port`, as the
        // AWS SDKs sign it: in lower case, and without the port when it is https's own.
        let host = port == 443 ? hostname.lowercased() : "\(hostname.lowercased()):\(port)"
        let request = SignableRequest(
            method: "GET", path: "/", query: "Action=connect&DBUser=\(URIEncoding.encode(username.utf8))",
            headers: [SignableRequest.Header("host", host)])
        let signer = SigV4Signer(credentials: credentials, region: region, service: "rds-db")
        let signature = signer.presign(request, expiresAfter: .seconds(15 * 60), at: date)
        // The URL without its scheme, which RDS wants left out.
        value = "\(hostname):\(port)/?\(signature.query)"
    }

    /// Names the endpoint only, so that logging the token never leaks it.
    public var description: String {
        "RDSAuthenticationToken(\(value.prefix { $0 != "/" }))"
    }
}
