import Core
import Foundation
import TestSupport

/// Sign-up and login through the real routes, for tests that need an account.
struct AccountFixtures {
    let services: ChronoViewServices

    var createUser: [String: Endpoint] { AccountRoutes.createUser(services) }
    var login: [String: Endpoint] { AccountRoutes.login(services) }
    var sessions: [String: Endpoint] { AccountRoutes.sessions(services) }
    var me: [String: Endpoint] { AccountRoutes.me(services) }

    static let password = "correct horse battery"

    /// A unique email for this test run.
    static func uniqueEmail(_ prefix: String = "trader") -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    func signUp(email: String = uniqueEmail(), password: String = password) async -> TestResponse {
        await TestEvent("POST", "/api/users", body: #"{"email":"\#(email)","password":"\#(password)"}"#)
            .send(to: createUser)
    }

    func logIn(email: String, password: String = password) async -> TestResponse {
        await TestEvent("POST", "/api/login", body: #"{"email":"\#(email)","password":"\#(password)"}"#)
            .send(to: login)
    }

    /// Signs up a new user and logs in: the access and refresh tokens.
    func newSession() async throws -> (email: String, accessToken: String, refreshToken: String) {
        let email = Self.uniqueEmail()
        _ = await signUp(email: email)
        let session = await logIn(email: email)
        guard let access = session.json["access_token"] as? String,
            let refresh = session.json["refresh_token"] as? String
        else {
            throw SessionFailed(status: session.status)
        }
        return (email, access, refresh)
    }

    struct SessionFailed: Error {
        var status: Int
    }
}
