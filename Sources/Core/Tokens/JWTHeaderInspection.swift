import Foundation

/// The `alg` and `kid` of a compact JWT, read before any verification so that a token naming an
/// algorithm or key we do not use is refused outright.
struct JWTHeaderInspection: Decodable {
    var alg: String?
    var kid: String?

    init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Self.base64URLDecode(parts[0]),
            let header = try? JSONDecoder().decode(JWTHeaderInspection.self, from: data)
        else {
            return nil
        }
        self = header
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = base64.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { base64 += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: base64)
    }
}
