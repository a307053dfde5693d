import Crypto
import Foundation
import Testing

@testable import Core

@Suite struct AccessTokenTests {
    let settings = try! TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": TestDatabase.jwtSecret]))

    /// Signs arbitrary header and claims with HMAC, to forge the tokens a verifier must refuse.
    func forge(header: [String: Any], claims: [String: Any], secret: String = TestDatabase.jwtSecret, hmac: Bool = true)
        throws -> String
    {
        func encode(_ object: [String: Any]) throws -> String {
            Base64URL.encode(try JSONSerialization.data(withJSONObject: object))
        }
        let signingInput = try encode(header) + "." + encode(claims)
        guard hmac else { return signingInput + "." }
        let signature = HMAC<SHA256>.authenticationCode(
            for: Array(signingInput.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return signingInput + "." + Base64URL.encode(Data(signature))
    }

    var header: [String: Any] { ["alg": "HS256", "typ": "JWT", "kid": settings.keys.signingKeyID!] }

    @Test func issuedTokensVerifyAndCarryTheExpectedClaims() async throws {
        let tokens = await AccessTokens(settings: settings)
        let user = UUID.version7()
        let token = try await tokens.issue(for: user)
        #expect(await tokens.verify(token) == user)
        let parts = token.split(separator: ".")
        let header = try #require(JWSCompact(token)?.header)
        #expect(header.alg == "HS256")
        #expect(header.kid == settings.keys.signingKeyID)
        let payload = Data(try #require(Base64URL.decode(parts[1])))
        let claims = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        #expect(Set(claims.keys).isSuperset(of: ["iss", "aud", "sub", "iat", "exp", "jti"]))
    }

    @Test func aForgedTokenWithTheRightKeyVerifies() async throws {
        // Guards the forging helper itself: the refusals below are not for its own mistakes.
        let tokens = await AccessTokens(settings: settings)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make())) != nil)
    }

    @Test func algNoneIsRefused() async throws {
        let tokens = await AccessTokens(settings: settings)
        var header = self.header
        header["alg"] = "none"
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(), hmac: false)) == nil)
    }

    @Test func otherAlgorithmsAreRefused() async throws {
        let tokens = await AccessTokens(settings: settings)
        var header = self.header
        header["alg"] = "HS384"
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make())) == nil)
    }

    @Test func wrongIssuerOrAudienceIsRefused() async throws {
        let tokens = await AccessTokens(settings: settings)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(iss: "someone-else"))) == nil)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(aud: "another-api"))) == nil)
    }

    @Test func expiryAllowsThirtySecondsOfLeeway() async throws {
        let tokens = await AccessTokens(settings: settings)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(exp: -20))) != nil)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(exp: -45))) == nil)
    }

    @Test func aFutureNotBeforeIsRefused() async throws {
        let tokens = await AccessTokens(settings: settings)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(nbf: 600))) == nil)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(nbf: -5))) != nil)
    }

    @Test func aWrongSignatureOrUnknownKeyIsRefused() async throws {
        let tokens = await AccessTokens(settings: settings)
        let otherSecret = String(repeating: "x", count: 40)
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make(), secret: otherSecret)) == nil)
        var header = self.header
        header["kid"] = "unknown"
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make())) == nil)
        header["kid"] = nil
        #expect(await tokens.verify(try forge(header: header, claims: TestClaims.make())) == nil)
    }

    @Test func tokensOfAPreviousKeyVerifyDuringRotation() async throws {
        let old = try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": TestDatabase.jwtSecret]))
        let newSecret = "a-brand-new-secret-for-chronoview-0123456789"
        let rotated = try TokenSettings(
            environment: EnvironmentVariables([
                "JWT_SECRET": newSecret, "JWT_PREVIOUS_SECRETS": TestDatabase.jwtSecret,
            ]))
        let user = UUID.version7()
        let oldToken = try await AccessTokens(settings: old).issue(for: user)
        let verifier = await AccessTokens(settings: rotated)
        #expect(await verifier.verify(oldToken) == user)
        #expect(
            await AccessTokens(
                settings: try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": newSecret]))
            ).verify(oldToken) == nil)
    }
}

extension AccessTokenTests {
    /// The secret's `AWSPENDING` and `AWSPREVIOUS` values, fetched beside `AWSCURRENT`, verify
    /// tokens but never sign them (README.md, "Rotating the JWT signing key").
    @Test func theSecretsOtherStagesVerifyButOnlyTheCurrentOneSigns() async throws {
        let pending = "the-pending-secret-of-a-rotation-0123456789"
        let fetched = try TokenSettings(
            environment: EnvironmentVariables([:]),
            secrets: FetchedSecrets(jwtSecret: TestDatabase.jwtSecret, verifyingOnlyJWTSecrets: [pending]))
        let tokens = await AccessTokens(settings: fetched)
        let signedWithPending = try await AccessTokens(
            settings: try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": pending]))
        ).issue(for: UUID.version7())
        #expect(await tokens.verify(signedWithPending) != nil)
        let issued = try await tokens.issue(for: UUID.version7())
        #expect(JWSCompact(issued)?.header.kid == settings.keys.signingKeyID)
    }
}
