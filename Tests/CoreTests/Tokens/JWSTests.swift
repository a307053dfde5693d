import Crypto
import Foundation
import Testing

@testable import Core

/// The compact JWS underneath access tokens: what a token must look like, byte for byte, to be
/// trusted, whatever its claims.
@Suite struct JWSTests {
    static let secret = SymmetricKey(data: Array(TestDatabase.jwtSecret.utf8))
    let hs256 = JWSSigner(keyID: "k1", key: .hs256(Self.secret))
    let hs256Verifier = JWSVerifier(keys: [("k1", .hs256(Self.secret))])
    let es256Key = P256.Signing.PrivateKey()
    var es256: JWSSigner { JWSSigner(keyID: "e1", key: .es256(es256Key)) }
    var es256Verifier: JWSVerifier { JWSVerifier(keys: [("e1", .es256(es256Key.publicKey))]) }

    /// Signs `header` and `payload` as given, to make the tokens a verifier must refuse.
    func forge(header: String, payload: String = #"{"a":1}"#, key: JWSSigningKey = .hs256(Self.secret)) throws
        -> String
    {
        let signingInput = Base64URL.encode(header.utf8) + "." + Base64URL.encode(payload.utf8)
        return signingInput + "." + Base64URL.encode(try key.signature(for: Array(signingInput.utf8)))
    }

    @Test func anIssuedHeaderIsAlgKidAndTyp() throws {
        let token = try hs256.sign(["a": 1])
        let header = try #require(token.split(separator: ".").first.flatMap { Base64URL.decode($0) })
        #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"HS256","kid":"k1","typ":"JWT"}"#)
        #expect(hs256Verifier.verifiedPayload(of: token).map { String(decoding: $0, as: UTF8.self) } == #"{"a":1}"#)
        #expect(es256Verifier.verifiedPayload(of: try es256.sign(["a": 1])) != nil)
    }

    /// Every character of a token is covered: changing any one, in any part, loses it.
    @Test(arguments: ["HS256", "ES256"])
    func noSingleCharacterOfATokenCanBeChanged(algorithm: String) throws {
        let (token, verifier) =
            algorithm == "HS256"
            ? (try hs256.sign(["sub": "x"]), hs256Verifier) : (try es256.sign(["sub": "x"]), es256Verifier)
        #expect(verifier.verifiedPayload(of: token) != nil)
        let characters = Array(token)
        for index in characters.indices where characters[index] != "." {
            for replacement: Character in ["A", "B", "Q", "g", "w", "_", "-", "0"]
            where replacement != characters[index] {
                var tampered = characters
                tampered[index] = replacement
                #expect(verifier.verifiedPayload(of: String(tampered)) == nil, "\(index) \(replacement)")
            }
        }
    }

    @Test func theHeaderIsCheckedAgainstTheKeyItsKidNames() throws {
        for header in [#"{"alg":"HS256","kid":"k1"}"#, #"{"alg":"HS256","kid":"k1","typ":"JWT","x":[1]}"#] {
            #expect(hs256Verifier.verifiedPayload(of: try forge(header: header)) != nil, "\(header)")
        }
        for header in [
            #"{"alg":"HS256"}"#, #"{"alg":"HS256","kid":"k2"}"#, #"{"alg":"HS256","kid":null}"#,
            #"{"alg":"hs256","kid":"k1"}"#, #"{"alg":"HS384","kid":"k1"}"#, #"{"alg":"none","kid":"k1"}"#,
            #"{"kid":"k1"}"#, #"{"alg":["HS256"],"kid":"k1"}"#, #"{"alg":"HS256","kid":1}"#,
            #"{"alg":"HS256","kid":"k1","typ":"at+jwt"}"#, #"{"alg":"HS256","kid":"k1","typ":"jwt"}"#,
            #"{"alg":"HS256","kid":"k1","typ":1}"#, #"{"alg":"HS256","kid":"k1","crit":["exp"]}"#,
            #"{"alg":"HS256","kid":"k1","crit":[]}"#, #"["HS256","k1"]"#, #""HS256""#, "", "{",
        ] {
            #expect(hs256Verifier.verifiedPayload(of: try forge(header: header)) == nil, "\(header)")
        }
    }

    /// An ES256 key never checks an HMAC, nor a secret a signature: whichever `alg` is claimed.
    @Test func aKeyChecksItsOwnAlgorithmOnly() throws {
        let mixed = JWSVerifier(keys: [("k1", .hs256(Self.secret)), ("e1", .es256(es256Key.publicKey))])
        #expect(mixed.verifiedPayload(of: try forge(header: #"{"alg":"HS256","kid":"k1"}"#)) != nil)
        #expect(
            mixed.verifiedPayload(of: try forge(header: #"{"alg":"ES256","kid":"e1"}"#, key: .es256(es256Key))) != nil)
        #expect(mixed.verifiedPayload(of: try forge(header: #"{"alg":"HS256","kid":"e1"}"#)) == nil)
        #expect(
            mixed.verifiedPayload(of: try forge(header: #"{"alg":"ES256","kid":"k1"}"#, key: .es256(es256Key))) == nil)
        let publicKeyAsSecret = JWSSigningKey.hs256(SymmetricKey(data: es256Key.publicKey.x963Representation))
        #expect(
            mixed.verifiedPayload(of: try forge(header: #"{"alg":"HS256","kid":"e1"}"#, key: publicKeyAsSecret)) == nil)
    }

    @Test func aSignatureOfAnyOtherFormIsRefused() throws {
        let signingInput = Base64URL.encode(#"{"alg":"ES256","kid":"e1"}"#.utf8) + "." + Base64URL.encode("{}".utf8)
        let signature = try es256Key.signature(for: Array(signingInput.utf8))
        #expect(
            es256Verifier.verifiedPayload(of: signingInput + "." + Base64URL.encode(signature.rawRepresentation)) != nil
        )
        for form in [
            signature.derRepresentation, signature.rawRepresentation.prefix(63), signature.rawRepresentation + [0],
            Data(),
        ] {
            #expect(es256Verifier.verifiedPayload(of: signingInput + "." + Base64URL.encode(form)) == nil)
        }
        let token = try forge(header: #"{"alg":"HS256","kid":"k1"}"#)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let mac = try #require(Base64URL.decode(parts[2]))
        for form in [Array(mac.prefix(16)), Array(mac.prefix(31)), mac + [0], []] {
            #expect(hs256Verifier.verifiedPayload(of: parts[0] + "." + parts[1] + "." + Base64URL.encode(form)) == nil)
        }
    }

    @Test func onlyThreeCanonicalUnpaddedBase64URLPartsAreAToken() throws {
        let token = try hs256.sign(["sub": "x"])
        #expect(hs256Verifier.verifiedPayload(of: token) != nil)
        let parts = token.split(separator: ".").map(String.init)
        let malformed = [
            parts[0] + "." + parts[1], parts[0] + "." + parts[1] + "." + parts[2] + ".", token + "." + parts[2],
            parts[0] + ".." + parts[2], "." + parts[1] + "." + parts[2], " " + token, token + " ", token + "\n",
            parts[0] + "=." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "." + parts[2] + "=",
            parts[0].replacingOccurrences(of: "-", with: "+") + "." + parts[1] + "." + parts[2],
            token.replacingOccurrences(of: ".", with: ".\u{301}"), "", "..", "a.b.c",
        ]
        for candidate in malformed where candidate != token {
            #expect(hs256Verifier.verifiedPayload(of: candidate) == nil, "\(candidate)")
        }
    }

    @Test func base64URLDecodesOnlyTheCanonicalUnpaddedText() {
        #expect(Base64URL.decode("") == [])
        #expect(Base64URL.decode("AA") == [0])
        #expect(Base64URL.decode("AAA") == [0, 0])
        #expect(Base64URL.decode("AAAA") == [0, 0, 0])
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        for text in ["A", "AB", "AAB", "AA==", "AAA=", "+/8", "AA A", "AA\n", "ÀA"] {
            #expect(Base64URL.decode(text) == nil, "\(text)")
        }
        for count in 0..<70 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }
}
