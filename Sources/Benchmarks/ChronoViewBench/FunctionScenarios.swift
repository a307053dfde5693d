import Foundation
import TestSupport

/// What the benchmark knows of the account it works with, carried from one function to the next.
final class AccountState {
    let email = "bench-\(UUID().uuidString.prefix(8).lowercased())@example.com"
    let password = "bench-password-Kx7!q2"
    var accessToken: String?
    var refreshToken: String?
    var userID: String?
    /// Set once the first sign-up has been sent: later sign-ups use fresh emails.
    var accountCreated = false

    /// Keeps the tokens of a login or refresh response: refresh tokens rotate on every use.
    func observe(_ json: [String: Any]?) {
        guard let json else { return }
        if let token = json["access_token"] as? String { accessToken = token }
        if let token = json["refresh_token"] as? String { refreshToken = token }
        if let user = json["user"] as? [String: Any], let id = user["id"] { userID = "\(id)" }
    }
}

/// A function's typical request, rebuilt for each invocation (some must differ every time).
struct FunctionScenario {
    /// What the table shows, e.g. `GET /api/me`.
    var label: String
    var makeEvent: (AccountState) -> [UInt8]
    /// Runs at most a few times when each request is expensive by design (bcrypt).
    var isSlowByDesign = false

    static func forFunction(_ name: String) -> FunctionScenario? {
        switch name {
        case "Migrate":
            return FunctionScenario(label: "{} (no pending migrations)") { _ in Array("{}".utf8) }
        case "CreateUser":
            return FunctionScenario(
                label: "POST /api/users",
                makeEvent: { state in
                    // The first sign-up creates the account the other functions use; later ones are new emails.
                    let email =
                        state.accountCreated ? "bench-\(UUID().uuidString.lowercased())@example.com" : state.email
                    state.accountCreated = true
                    return TestEvent(
                        "POST", "/api/users",
                        body: #"{"email":"\#(email)","password":"\#(state.password)","display_name":"Bench"}"#
                    ).bytes
                }, isSlowByDesign: true)
        case "Login":
            return FunctionScenario(
                label: "POST /api/login",
                makeEvent: { state in
                    TestEvent(
                        "POST", "/api/login", body: #"{"email":"\#(state.email)","password":"\#(state.password)"}"#
                    ).bytes
                }, isSlowByDesign: true)
        case "Me":
            return FunctionScenario(label: "GET /api/me") { state in
                TestEvent("GET", "/api/me").bearer(state.accessToken ?? "").bytes
            }
        case "Sessions":
            return FunctionScenario(label: "POST /api/token/refresh") { state in
                TestEvent(
                    "POST", "/api/token/refresh", body: #"{"refresh_token":"\#(state.refreshToken ?? "")"}"#
                ).bytes
            }
        case "Health":
            return FunctionScenario(label: "GET /api/health") { _ in
                TestEvent("GET", "/api/health").bytes
            }
        case "NotFound":
            return FunctionScenario(label: "GET /api/nothing-here") { _ in
                TestEvent("GET", "/api/nothing-here").bytes
            }
        case "Charts":
            return FunctionScenario(label: "GET /api/charts?limit=20") { state in
                TestEvent("GET", "/api/charts", query: ["limit": "20"]).bearer(state.accessToken ?? "").bytes
            }
        case "Watchlists":
            return FunctionScenario(label: "GET /api/watchlists") { state in
                TestEvent("GET", "/api/watchlists").bearer(state.accessToken ?? "").bytes
            }
        case "Alerts":
            return FunctionScenario(label: "GET /api/alerts") { state in
                TestEvent("GET", "/api/alerts").bearer(state.accessToken ?? "").bytes
            }
        default:
            return nil
        }
    }

    /// Migrate first (the others need its tables), then the account's life in order, then the rest.
    static func order(_ names: [String]) -> [String] {
        let first = ["Migrate", "CreateUser", "Login", "Me", "Sessions"]
        return first.filter(names.contains) + names.filter { !first.contains($0) }.sorted()
    }
}
