import Core
import Crypto
import Foundation
import FuzzSupport

/// `AccessTokens.verify` on hostile tokens. The first byte picks how the rest becomes a token:
///  - even: the rest is the token's text. Seeded with a valid token, libFuzzer's mutations of it
///    are the tampered tokens an attacker would send;
///  - odd: the rest is a header JSON and a claims JSON separated by a NUL byte, signed here with
///    the real key, so that every header and claim check is reached behind a valid signature.
/// Every token accepted is checked against the contract independently of the verifier.
@main
enum AccessTokenFuzzer {
    /// The fixed test secret the corpus's valid token was signed with.
    static let secret = "chronoview-fuzz-secret-not-for-production-use"
    /// 2026-11-25T12:00:00Z plus a minute: the corpus token was issued at noon, so it stays valid.
    static let now = Date(timeIntervalSince1970: 1_795_608_060)

    nonisolated(unsafe) static var tokens: AccessTokens?
    nonisolated(unsafe) static var keyID = ""

    @discardableResult
    static func run(_ bytes: [UInt8]) -> UUID? {
        let tokens = verifier()
        guard let mode = bytes.first else { return nil }
        let rest = bytes.dropFirst()
        let token: String
        if mode & 1 == 0 {
            token = String(decoding: rest, as: UTF8.self)
        } else {
            let separator = rest.firstIndex(of: 0) ?? rest.endIndex
            token = sign(header: Array(rest[..<separator]), claims: Array(rest[separator...].dropFirst()))
        }
        let now = Self.now
        let userID = runBlocking { await tokens.verify(token, now: now) }
        if let userID {
            checkAccepted(token, userID: userID)
        }
        return userID
    }

    /// The verifier, made once: building a key collection for every input would be most of the work.
    static func verifier() -> AccessTokens {
        if let tokens { return tokens }
        let settings = try! TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": secret]))
        let made = runBlocking { await AccessTokens(settings: settings) }
        tokens = made
        keyID = settings.keys.signingKeyID!
        return made
    }

    static func sign(header: [UInt8], claims: [UInt8]) -> String {
        let signingInput = base64URL(header) + "." + base64URL(claims)
        return signingInput + "." + signature(of: signingInput)
    }

    /// A token that verifies has an HS256 signature by our key over its first two parts, names our
    /// key and HS256, and carries our issuer and audience, a live `exp`, no future `nbf`, and the user.
    static func checkAccepted(_ token: String, userID: UUID) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        expect(parts.count == 3, "accepted a token of \(parts.count) parts: \(token)")
        guard parts.count == 3 else { return }
        let expected = signature(of: parts[0] + "." + parts[1])
        expect(
            decodeBase64URL(parts[2]) == decodeBase64URL(expected), "accepted a token signed otherwise: \(token)")
        // Below, the header and claims as a second parser reads them. Only a token signed with our
        // key gets this far, so where the two parsers may disagree (JSON that only the verifier's
        // `JSONDecoder` tolerates, or a key given twice) there is no forgery to catch, and nothing is checked.
        guard let header = jsonObject(parts[0]), let claims = jsonObject(parts[1]) else { return }
        func unambiguous(_ key: String, _ part: String) -> Bool {
            let text = String(decoding: decodeBase64URL(part) ?? Data(), as: UTF8.self)
            return text.components(separatedBy: "\"\(key)\"").count == 2 && !text.contains("\\u")
        }
        if unambiguous("alg", parts[0]) {
            expect(header["alg"] as? String == "HS256", "accepted alg \(header["alg"] ?? "nil"): \(token)")
        }
        if unambiguous("kid", parts[0]) {
            expect(header["kid"] as? String == keyID, "accepted kid \(header["kid"] ?? "nil"): \(token)")
        }
        if unambiguous("iss", parts[1]) {
            expect(claims["iss"] as? String == "chronoview", "accepted iss \(claims["iss"] ?? "nil"): \(token)")
        }
        if unambiguous("aud", parts[1]) {
            let audience = (claims["aud"] as? [Any]) ?? [claims["aud"] as Any]
            expect(audience.contains { $0 as? String == "chronoview-api" }, "accepted aud: \(token)")
        }
        let seconds = now.timeIntervalSince1970
        if unambiguous("exp", parts[1]) {
            expect((number(claims["exp"]) ?? -.infinity) >= seconds - 30, "accepted an expired token: \(token)")
        }
        if unambiguous("nbf", parts[1]), let nbf = claims["nbf"] {
            expect((number(nbf) ?? .infinity) <= seconds + 30, "accepted a token not yet valid: \(token)")
        }
        if unambiguous("sub", parts[1]) {
            let subject = (claims["sub"] as? String).flatMap(UUID.init(uuidString:))
            expect(subject == userID, "accepted sub \(claims["sub"] ?? "nil") as user \(userID): \(token)")
        }
    }

    static func signature(of signingInput: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(signingInput.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return base64URL(Array(mac))
    }

    /// JSON read with Foundation's `JSONSerialization`, a parser other than the verifier's `JSONDecoder`.
    /// Bytes that are not UTF-8 are repaired first, as `JSONDecoder` repairs them: a token
    /// signed with our key may carry them in a field nobody reads, and that is no forgery.
    static func jsonObject(_ part: String) -> [String: Any]? {
        guard let data = decodeBase64URL(part) else { return nil }
        let repaired = Data(String(decoding: data, as: UTF8.self).utf8)
        return (try? JSONSerialization.jsonObject(with: repaired)) as? [String: Any]
    }

    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}

extension AccessTokenFuzzer: FuzzTarget {
    static func fuzz(_ input: [UInt8]) -> String {
        run(input).map { "accepted for user \($0)" } ?? "refused"
    }
}
