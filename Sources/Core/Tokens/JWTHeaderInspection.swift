#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `alg` and `kid` of a compact JWT, read before any verification so that a token naming an
/// algorithm or key we do not use is refused outright.
struct JWTHeaderInspection: Decodable {
    var alg: String?
    var kid: String?

    init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = Base64URL.decode(parts[0]),
            let header = try? JSONCoding.decoder.decode(JWTHeaderInspection.self, from: Data(bytes))
        else {
            return nil
        }
        self = header
    }
}
