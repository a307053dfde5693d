import Foundation
import LocalHarness
import NIOHTTP1
import Testing

/// ES256 through the emulator and the real functions: Login signs with the private key, Me
/// verifies with the published public keys alone, and Sessions serves them at
/// `/.well-known/jwks.json`, outside `/api/`.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"] != nil,
        "needs CHRONOVIEW_TEST_DATABASE_URL: run ./build.sh test")
)
struct ES256FlowTests {
    /// A key made for this test only (openssl, P-256, PKCS #8), and its public half as the JWK
    /// Set publishes it, worked out apart from the code under test (Python's cryptography).
    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg/ouyPOiaUmIS605g
        1sC8Woj8ydwjtx9cl6R9cluKMUChRANCAAS4sdHza0g/5s6kQauvdVwvrsABVe0C
        bTYHI/nxKzqB9g+UA3vHxxFHUT3XwzZLBDFEV5PoONF6ZTJT3s+/0KYx
        -----END PRIVATE KEY-----
        """
    static let kid = "5px3q1gVFGp8IBrfWnuTZK0TgM1qQb_pFwMrzOT_TMg"
    static let publicKeys = """
        {"keys":[{"alg":"ES256","crv":"P-256","kid":"\(kid)","kty":"EC","use":"sig",\
        "x":"uLHR82tIP-bOpEGrr3VcL67AAVXtAm02ByP58Ss6gfY","y":"D5QDe8fHEUdRPdfDNksEMURXk-g40XplMlPez7_QpjE"}]}
        """

    static func json(_ object: [String: Any]) -> [UInt8] {
        Array(try! JSONSerialization.data(withJSONObject: object))
    }

    @Test func loginSignsWithES256AndMeVerifiesWithThePublishedKeysAlone() async throws {
        let adminURL = try #require(ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"])
        // Every function gets both; only Login and Sessions read the private key, and an empty
        // JWT_SECRET is no secret, so HS256 is off.
        let environment = ["JWT_SECRET": "", "JWT_PRIVATE_KEY": Self.privateKey, "JWT_PUBLIC_KEYS": Self.publicKeys]
        try await DatabaseBackedAPI.run(server: adminURL, environment: environment) { backed in
            let api = backed.api
            let keySet = try await api.send(.GET, "/.well-known/jwks.json")
            #expect(keySet.status == 200, "\(keySet.text)")
            #expect(keySet.headers["cache-control"] == ["public, max-age=300"])
            #expect(keySet.headers["content-type"] == ["application/json"])
            #expect(keySet.text == Self.publicKeys)

            let jsonHeaders = [("Content-Type", "application/json")]
            let credentials = ["email": "es256@example.com", "password": "correct horse"]
            let created = try await api.send(.POST, "/api/users", headers: jsonHeaders, body: Self.json(credentials))
            #expect(created.status == 201, "\(created.text)")
            let login = try await api.send(.POST, "/api/login", headers: jsonHeaders, body: Self.json(credentials))
            #expect(login.status == 200, "\(login.text)")
            let session = try #require(try JSONSerialization.jsonObject(with: Data(login.body)) as? [String: Any])
            let token = try #require(session["access_token"] as? String)
            let headerPart = try #require(token.split(separator: ".").first).replacingOccurrences(of: "-", with: "+")
                .replacingOccurrences(of: "_", with: "/")
            let padded = headerPart + String(repeating: "=", count: (4 - headerPart.count % 4) % 4)
            let headerJSON = try #require(Data(base64Encoded: padded))
            let header = try #require(try JSONSerialization.jsonObject(with: headerJSON) as? [String: Any])
            #expect(header["alg"] as? String == "ES256")
            #expect(header["kid"] as? String == Self.kid)

            let me = try await api.send(.GET, "/api/me", headers: [("Authorization", "Bearer \(token)")])
            #expect(me.status == 200, "\(me.text)")
        }
    }
}
