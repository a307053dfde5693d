import Crypto
import Foundation
import Testing

@testable import Core

/// Which keys each function reads: the private key only where tokens are issued, public keys
/// everywhere else, and HS256 whenever a shared secret is configured.
@Suite struct TokenKeySettingsTests {
    let keys = ES256TestKeys()

    /// Everything a careless environment could hand every function at once.
    func environment(_ extra: [String: String] = [:]) throws -> EnvironmentVariables {
        let published = try JSONCoding.text(of: try keys.issuerSettings().keys.publicKeySet)
        return EnvironmentVariables(
            ["DATABASE_URL": "postgres://app@db/x", "JWT_PRIVATE_KEY": keys.pem, "JWT_PUBLIC_KEYS": published]
                .merging(extra) { _, new in new })
    }

    @Test func onlyTheFunctionsThatIssueTokensHoldAPrivateKey() throws {
        for function in APIFunction.allCases {
            let settings = try ChronoViewSettings(environment: try environment(), tokens: function.tokenRole)
            switch (function.tokenRole, settings.tokens?.keys) {
            case (nil, nil):
                continue
            case (.issuer?, .es256(let signingKey?, _)?):
                #expect(signingKey.id == keys.thumbprint, "\(function)")
            case (.verifier?, .es256(let signingKey, let verificationKeys)?):
                #expect(signingKey == nil, "\(function) holds a private key")
                #expect(settings.tokens?.keys.signingKeyID == nil, "\(function) could sign")
                #expect(verificationKeys.map(\.id) == [keys.thumbprint], "\(function)")
            default:
                Issue.record("\(function): \(String(describing: settings.tokens?.keys))")
            }
        }
        #expect(APIFunction.allCases.filter { $0.tokenRole == .issuer } == [.login, .sessions])
    }

    @Test func aVerifierNeverFallsBackToAPrivateKey() throws {
        let withoutPublicKeys = EnvironmentVariables(["JWT_PRIVATE_KEY": keys.pem])
        #expect(
            throws: ConfigurationError(
                variable: "JWT_PUBLIC_KEYS", problem: "is not set (ES256), nor JWT_SECRET (HS256)")
        ) {
            try TokenSettings(environment: withoutPublicKeys, role: .verifier)
        }
        let fetched = FetchedSecrets(jwtSigningKey: keys.pem)
        #expect(throws: ConfigurationError.self) {
            try TokenSettings(environment: EnvironmentVariables([:]), role: .verifier, secrets: fetched)
        }
    }

    @Test func aSharedSecretMeansHS256AndAnEmptyKeySet() throws {
        for role in [TokenRole.issuer, .verifier] {
            let settings = try TokenSettings(
                environment: try environment(["JWT_SECRET": TestDatabase.jwtSecret]), role: role)
            #expect(settings.keys.algorithm == "HS256")
            #expect(settings.keys.publicKeySet == .empty)
            #expect(try JSONCoding.text(of: settings.keys.publicKeySet) == #"{"keys":[]}"#)
        }
    }

    @Test func anIssuerWithoutAKeyNamesTheVariable() {
        do {
            _ = try TokenSettings(environment: EnvironmentVariables([:]), role: .issuer)
            Issue.record("an issuer without a key was configured")
        } catch {
            #expect(error.variable == "JWT_SIGNING_KEY_SECRET_ARN")
        }
    }

    @Test(arguments: [
        (#"{"keys":[]}"#, "holds no key"),
        (#"{"kty":"EC"}"#, "is not a JWK Set"),
        ("not json", "is not a JWK Set"),
        (#"{"keys":[{"kty":"EC","crv":"P-384","kid":"k","x":"AA","y":"AA"}]}"#, "is not an ES256 signing key"),
        (#"{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"k"}]}"#, "is not an ES256 signing key"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","alg":"HS256","kid":"k","x":"AA","y":"AA"}]}"#, "is not an ES256"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","kid":"k","x":"AA","y":"AA"}]}"#, "are not a P-256 point"),
    ])
    func malformedPublicKeysAreRefused(keySet: String, problem: String) {
        do {
            _ = try TokenSettings(environment: EnvironmentVariables(["JWT_PUBLIC_KEYS": keySet]), role: .verifier)
            Issue.record("accepted \(keySet)")
        } catch {
            #expect(error.variable == "JWT_PUBLIC_KEYS")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }

    /// A verifier handed a private key by mistake refuses to start rather than hold it.
    @Test func publicKeysWithAPrivatePartOrWithoutKidAreRefused() throws {
        let jwk = try #require(try keys.issuerSettings().keys.publicKeySet.keys.first)
        let d = Base64URL.encode(keys.privateKey.rawRepresentation)
        let withD = #"{"keys":[{"kty":"EC","crv":"P-256","kid":"k","x":"\#(jwk.x)","y":"\#(jwk.y)","d":"\#(d)"}]}"#
        let withoutKid = #"{"keys":[{"kty":"EC","crv":"P-256","x":"\#(jwk.x)","y":"\#(jwk.y)"}]}"#
        for (keySet, problem) in [(withD, "private key"), (withoutKid, "has no kid")] {
            do {
                _ = try TokenSettings(environment: EnvironmentVariables(["JWT_PUBLIC_KEYS": keySet]), role: .verifier)
                Issue.record("accepted \(keySet)")
            } catch {
                #expect(error.problem.contains(problem), "\(error)")
                #expect(!error.description.contains(d), "the message never repeats the key")
            }
        }
    }

    @Test func thePrivateKeyIsReadFromPEMOrAJWKWithItsOwnKid() throws {
        let fromPEM = try ES256SigningKey(keys.pem, variable: "JWT_PRIVATE_KEY")
        #expect(fromPEM.id == keys.thumbprint)
        let jwk = try #require(try keys.issuerSettings().keys.publicKeySet.keys.first)
        let d = Base64URL.encode(keys.privateKey.rawRepresentation)
        let privateJWK = #"{"kty":"EC","crv":"P-256","kid":"2026-11","d":"\#(d)","x":"\#(jwk.x)","y":"\#(jwk.y)"}"#
        let fromJWK = try ES256SigningKey(privateJWK, variable: "JWT_PRIVATE_KEY")
        #expect(fromJWK.id == "2026-11")
        #expect(fromJWK.verificationKey.jwk.x == jwk.x)
        #expect(try ES256SigningKey(#"{"kty":"EC","crv":"P-256","d":"\#(d)"}"#, variable: "V").id == keys.thumbprint)
        let mismatched = #"{"kty":"EC","crv":"P-256","d":"\#(d)","x":"\#(jwk.y)","y":"\#(jwk.x)"}"#
        #expect(throws: ConfigurationError.self) { try ES256SigningKey(mismatched, variable: "V") }
    }

    /// A key made with other tools (openssl's two PEM forms), whose x, y and RFC 7638 thumbprint
    /// were worked out with Python's cryptography, apart from the code under test.
    @Test func aPEMKeyOfEitherFormGetsTheCoordinatesAndThumbprintOtherToolsGiveIt() throws {
        let pkcs8 = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg/ouyPOiaUmIS605g
            1sC8Woj8ydwjtx9cl6R9cluKMUChRANCAAS4sdHza0g/5s6kQauvdVwvrsABVe0C
            bTYHI/nxKzqB9g+UA3vHxxFHUT3XwzZLBDFEV5PoONF6ZTJT3s+/0KYx
            -----END PRIVATE KEY-----
            """
        let sec1 = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIP6LsjzomlJiEutOYNbAvFqI/MncI7cfXJekfXJbijFAoAoGCCqGSM49
            AwEHoUQDQgAEuLHR82tIP+bOpEGrr3VcL67AAVXtAm02ByP58Ss6gfYPlAN7x8cR
            R1E918M2SwQxRFeT6DjRemUyU97Pv9CmMQ==
            -----END EC PRIVATE KEY-----
            """
        for pem in [pkcs8, sec1] {
            let jwk = try ES256SigningKey(pem, variable: "JWT_PRIVATE_KEY").verificationKey.jwk
            #expect(jwk.x == "uLHR82tIP-bOpEGrr3VcL67AAVXtAm02ByP58Ss6gfY")
            #expect(jwk.y == "D5QDe8fHEUdRPdfDNksEMURXk-g40XplMlPez7_QpjE")
            #expect(jwk.kid == "5px3q1gVFGp8IBrfWnuTZK0TgM1qQb_pFwMrzOT_TMg")
        }
    }

    /// What CloudFormation generates on the first deployment: the same seed always gives the same
    /// key, so every function that reads it agrees on the key and its kid.
    @Test func aGeneratedSeedYieldsOneStableKey() throws {
        let seed = String(repeating: "aZ09", count: 16)
        let first = try ES256SigningKey(seed, variable: "V")
        #expect(first.id == (try ES256SigningKey(seed + "\n", variable: "V").id))
        #expect(first.id != (try ES256SigningKey(String(seed.dropLast()) + "b", variable: "V").id))
        #expect(first.verificationKey.jwk.x.count == 43)
    }

    @Test(arguments: [
        "short0123456789abcdef0123456789",  // 31 letters and digits
        "a seed with spaces in it, which is no key at all",
        "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----",
        #"{"kty":"EC","crv":"P-256"}"#,
    ])
    func whatIsNoPrivateKeyIsRefusedWithoutBeingRepeated(value: String) {
        do {
            _ = try ES256SigningKey(value, variable: "JWT_SIGNING_KEY_SECRET_ARN")
            Issue.record("accepted \(value)")
        } catch {
            #expect(error.variable == "JWT_SIGNING_KEY_SECRET_ARN")
            #expect(!error.description.contains(value))
        }
    }
}
