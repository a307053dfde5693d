#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The operating system's CA bundle, for `verify-full` when no root certificate is configured:
/// libpq 15 has no `sslrootcert=system` and would otherwise look in `~/.postgresql/`.
enum SystemTrustStore {
    /// Amazon Linux's and Debian's bundle paths, the first that exists.
    static let bundlePath: String? = [
        "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/certs/ca-certificates.crt",
    ].first { FileManager.default.fileExists(atPath: $0) }
}
