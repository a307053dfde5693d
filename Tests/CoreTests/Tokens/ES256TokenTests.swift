import Crypto
import Foundation
import Testing

@testable import Core

/// Access tokens signed with ES256, the default: the functions that issue tokens sign with the
/// private key, every other function verifies with the published public keys alone.
@Suite struct ES256TokenTests {
    let keys = ES256TestKeys()

    func header(alg: String = "ES256", kid: String? = nil) -> [String: Any] {
        ["alg": alg, "typ": "JWT", "kid": kid ?? keys.thumbprint]
    }

    @Test func issuedTokensAreES256NamingTheKeysThumbprintAndVerify() async throws {
        let tokens = await AccessTokens(settings: try keys.issuerSettings())
        let user = UUID.version7()
        let token = try await tokens.issue(for: user)
        let header = try #require(JWSCompact(token)?.header)
        #expect(header.alg == "ES256")
        #expect(header.kid == keys.thumbprint)
        #expect(await tokens.verify(token) == user)
        // The signature is the raw r and s of P-256 (RFC 7518, section 3.4), checked with swift-crypto alone.
        let parts = token.split(separator: ".").map(String.init)
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: try #require(Base64URL.decode(parts[2])))
        #expect(keys.privateKey.publicKey.isValidSignature(signature, for: Array((parts[0] + "." + parts[1]).utf8)))
    }

    @Test func aVerifierHoldingOnlyThePublishedKeysVerifiesButCannotSign() async throws {
        let issuer = try keys.issuerSettings()
        let verifier = await AccessTokens(settings: try ES256TestKeys.verifierSettings(publishedBy: issuer))
        let user = UUID.version7()
        #expect(await verifier.verify(try await AccessTokens(settings: issuer).issue(for: user)) == user)
        await #expect(throws: ConfigurationError.self) { try await verifier.issue(for: user) }
    }

    @Test func tokensOfAPreviousKeyStillVerifyAndAnUnknownKidIsRefused() async throws {
        let previous = ES256TestKeys()
        let user = UUID.version7()
        let oldToken = try await AccessTokens(settings: try previous.issuerSettings()).issue(for: user)
        let rotated = try keys.issuerSettings(verifyingOnly: [previous])
        #expect(await AccessTokens(settings: rotated).verify(oldToken) == user)
        let verifier = await AccessTokens(settings: try ES256TestKeys.verifierSettings(publishedBy: rotated))
        #expect(await verifier.verify(oldToken) == user)
        // Once the previous key is gone from the published set, its tokens are refused.
        let afterwards = try ES256TestKeys.verifierSettings(publishedBy: try keys.issuerSettings())
        #expect(await AccessTokens(settings: afterwards).verify(oldToken) == nil)
        // A kid that names no published key is refused, even over a signature by a published key.
        let unknown = try keys.forge(header: header(kid: "unknown"), claims: TestClaims.make())
        #expect(await verifier.verify(unknown) == nil)
        #expect(await verifier.verify(try keys.forge(header: header(), claims: TestClaims.make())) != nil)
    }

    @Test func aKeyThatWasNeverPublishedIsRefusedUnderAPublishedKid() async throws {
        let verifier = await AccessTokens(
            settings: try ES256TestKeys.verifierSettings(publishedBy: try keys.issuerSettings()))
        let impostor = ES256TestKeys()
        #expect(await verifier.verify(try impostor.forge(header: header(), claims: TestClaims.make())) == nil)
    }

    /// The classic key confusion: an HS256 token whose HMAC key is the ES256 public key (as the
    /// JWK Set publishes it, or as PEM), naming the published `kid`, must not verify.
    @Test func anHS256TokenIsRefusedUnderES256Keys() async throws {
        let issuer = try keys.issuerSettings()
        let verifier = await AccessTokens(settings: try ES256TestKeys.verifierSettings(publishedBy: issuer))
        let jwk = try #require(issuer.keys.publicKeySet.keys.first)
        let publicKeyForms = [
            Array(keys.privateKey.publicKey.pemRepresentation.utf8),
            Array(keys.privateKey.publicKey.x963Representation),
            Array(keys.privateKey.publicKey.derRepresentation),
            Array(try JSONCoding.text(of: jwk).utf8),
        ]
        for secret in publicKeyForms {
            let signingInput =
                Base64URL.encode(try JSONSerialization.data(withJSONObject: header(alg: "HS256"))) + "."
                + Base64URL.encode(try JSONSerialization.data(withJSONObject: TestClaims.make()))
            let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: secret))
            #expect(await verifier.verify(signingInput + "." + Base64URL.encode(Data(mac))) == nil)
        }
        // Nor does a genuine HS256 token of a deployment with a shared secret, whatever its kid.
        let hs256 = try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": TestDatabase.jwtSecret]))
        let hs256Token = try await AccessTokens(settings: hs256).issue(for: UUID.version7())
        #expect(await verifier.verify(hs256Token) == nil)
    }

    @Test func anES256TokenIsRefusedUnderHS256Keys() async throws {
        let hs256 = try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": TestDatabase.jwtSecret]))
        let verifier = await AccessTokens(settings: hs256)
        let hs256KeyID = try #require(hs256.keys.signingKeyID)
        let es256Token = try keys.forge(header: header(kid: hs256KeyID), claims: TestClaims.make())
        #expect(await verifier.verify(es256Token) == nil)
        #expect(
            await verifier.verify(try await AccessTokens(settings: try keys.issuerSettings()).issue(for: .version7()))
                == nil)
    }

    @Test func algNoneIsRefused() async throws {
        let verifier = await AccessTokens(
            settings: try ES256TestKeys.verifierSettings(publishedBy: try keys.issuerSettings()))
        for alg in ["none", "None", "NONE"] {
            let unsigned =
                Base64URL.encode(try JSONSerialization.data(withJSONObject: header(alg: alg))) + "."
                + Base64URL.encode(try JSONSerialization.data(withJSONObject: TestClaims.make())) + "."
            #expect(await verifier.verify(unsigned) == nil)
        }
        // An ES256 signature under another name of the algorithm is refused too.
        #expect(await verifier.verify(try keys.forge(header: header(alg: "ES384"), claims: TestClaims.make())) == nil)
    }

    @Test func claimsAreCheckedUnderES256AsUnderHS256() async throws {
        let verifier = await AccessTokens(
            settings: try ES256TestKeys.verifierSettings(publishedBy: try keys.issuerSettings()))
        func verifies(_ claims: [String: Any]) async throws -> Bool {
            await verifier.verify(try keys.forge(header: header(), claims: claims)) != nil
        }
        #expect(try await verifies(TestClaims.make()))
        #expect(try await !verifies(TestClaims.make(iss: "someone-else")))
        #expect(try await !verifies(TestClaims.make(aud: "another-api")))
        #expect(try await verifies(TestClaims.make(exp: -20)))
        #expect(try await !verifies(TestClaims.make(exp: -45)))
        #expect(try await !verifies(TestClaims.make(nbf: 600)))
        #expect(try await verifies(TestClaims.make(nbf: -5)))
    }
}
