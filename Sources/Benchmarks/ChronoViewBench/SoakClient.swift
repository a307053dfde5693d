import Foundation

/// One of the soak's clients: a user of the single-page app on one keep-alive connection, going
/// through the whole API in a loop and checking every status against the contract (API.md).
///
/// A session is: log in, check health, hit an unknown route, rename themselves, then cycles of
/// `GET /api/me`, a chart, a watchlist and an alert each created, listed, read, updated (with
/// `if-match`) and deleted, and a token refresh; then log out and check that the spent refresh
/// token is refused. Every few sessions the client signs up a new account instead, deletes the old
/// one and checks that its access token is refused. Everything it creates it deletes, so the
/// per-user caps (1,000 charts, 200 watchlists, 500 alerts) are never approached however long it
/// runs. Runs on one thread; the results are handed over once it stops.
final class SoakClient {
    /// What the mix looks like.
    struct Settings: Sendable {
        var port: UInt16
        /// Cycles of item work between a login and its logout: logins (bcrypt) are rare, as in use.
        var cyclesPerSession: Int
        /// Every this many sessions the client moves to a new account (a sign-up and a deletion).
        var signUpEvery: Int
        /// Tells this run's accounts apart from earlier runs' in the same database.
        var runID: String
        /// The measured run's start (monotonic ns): record times are relative to it.
        var origin: UInt64
    }

    /// One request as the client saw it.
    struct Record: Sendable {
        var step: String
        /// The function that served it, as template.yaml routes it.
        var function: String
        /// Seconds from the start of the measured run to the response (negative in the warm-up).
        var finishedAt: Double
        var milliseconds: Double
        /// Routes that hash or verify a password: their latency is bcrypt's by design.
        var isBcrypt: Bool
    }

    /// A response whose status is not the one the contract gives for the step, or no response.
    struct Failure: Codable, Sendable {
        var step: String
        var expected: Int
        /// 0 when the connection failed instead of answering.
        var status: Int
        var at: Double
        /// The start of the body (or the connection error), to see what went wrong.
        var body: String
    }

    /// Everything a client hands back when it stops.
    struct Outcome: Sendable {
        var records: [Record] = []
        /// The first few failures, with bodies.
        var failureExamples: [Failure] = []
        /// Every failure, as `step → status`.
        var failureCounts: [String: Int] = [:]
    }

    private struct Account {
        var email: String
        var password: String
    }

    private struct Session {
        var accessToken: String
        var refreshToken: String
    }

    /// The parts of a session response the client needs.
    private struct SessionBody: Decodable {
        var accessToken: String
        var refreshToken: String
    }

    /// The parts of a chart, watchlist or alert the client needs.
    private struct ItemBody: Decodable {
        var id: String
        var version: Int
    }

    /// The collection routes, and what a create and an update send to each.
    private struct Collection: Sendable {
        var path: String
        var listQuery: String
        var create: @Sendable (_ name: String) -> String
        var update: @Sendable (_ name: String) -> String
    }

    private static let collections = [
        Collection(
            path: "/api/charts", listQuery: "?limit=20",
            create: {
                #"{"name":"\#($0)","symbol":"BINANCE:BTCUSDT","interval":"1h","layout":{"indicators":["RSI"]}}"#
            },
            update: { #"{"name":"\#($0) (2)","interval":"4h"}"# }),
        Collection(
            path: "/api/watchlists", listQuery: "?limit=20",
            create: { #"{"name":"\#($0)","symbols":["AAPL","MSFT","EUR/USD"]}"# },
            update: { _ in #"{"symbols":["AAPL","MSFT","EUR/USD","BINANCE:ETHUSDT"]}"# }),
        Collection(
            path: "/api/alerts", listQuery: "?status=active&limit=20",
            create: { #"{"symbol":"BINANCE:BTCUSDT","condition":"above","price":"65000.5","note":"\#($0)"}"# },
            update: { _ in #"{"price":70000.25,"status":"disabled"}"# }),
    ]

    private static let bcryptSteps: Set = ["POST /api/users", "POST /api/login", "DELETE /api/me"]
    private static let keptExamples = 5

    let index: Int
    private let settings: Settings
    private let decoder: JSONDecoder
    private var connection: WireConnection?
    private var outcome = Outcome()
    private var accountsMade = 0
    private var itemsMade = 0

    init(index: Int, settings: Settings) {
        self.index = index
        self.settings = settings
        decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
    }

    /// Runs sessions until `deadline` (monotonic ns), finishing the cycle under way and logging out,
    /// and returns what it saw.
    func run(until deadline: UInt64) -> Outcome {
        var account: Account?
        var sessions = 0
        while monotonicNanoseconds() < deadline {
            guard let current = account ?? signUp() else {
                pause()
                continue
            }
            sessions += 1
            account = session(of: current, until: deadline, movingAccount: sessions % settings.signUpEvery == 0)
        }
        connection = nil
        return outcome
    }

    /// One session of `account`; returns the account to use next (a new one when moving).
    private func session(of account: Account, until deadline: UInt64, movingAccount: Bool) -> Account? {
        let credentials = #"{"email":"\#(account.email)","password":"\#(account.password)"}"#
        guard let login = send("POST /api/login", "POST", "/api/login", body: credentials, expect: 200),
            var session = decodeSession(login)
        else {
            pause()
            return account
        }
        send("GET /api/health", "GET", "/api/health", expect: 200)
        send("GET /api/{unknown}", "GET", "/api/no-such-route", token: session.accessToken, expect: 404)
        send(
            "PATCH /api/me", "PATCH", "/api/me", token: session.accessToken,
            body: #"{"display_name":"Soak client \#(index)"}"#, expect: 200)
        for _ in 0..<settings.cyclesPerSession {
            guard monotonicNanoseconds() < deadline else { break }
            send("GET /api/me", "GET", "/api/me", token: session.accessToken, expect: 200)
            for collection in Self.collections {
                workOnItem(in: collection, token: session.accessToken)
            }
            let refresh = #"{"refresh_token":"\#(session.refreshToken)"}"#
            guard
                let renewed = send("POST /api/token/refresh", "POST", "/api/token/refresh", body: refresh, expect: 200),
                let next = decodeSession(renewed)
            else { break }
            session = next
        }
        let spent = #"{"refresh_token":"\#(session.refreshToken)"}"#
        if movingAccount, let next = signUp() {
            // The old account goes, and everything it owns with it: its token must stop working.
            let password = #"{"password":"\#(account.password)"}"#
            send("DELETE /api/me", "DELETE", "/api/me", token: session.accessToken, body: password, expect: 204)
            send("GET /api/me (deleted user)", "GET", "/api/me", token: session.accessToken, expect: 401)
            send("POST /api/logout", "POST", "/api/logout", body: spent, expect: 204)
            return next
        }
        send("POST /api/logout", "POST", "/api/logout", body: spent, expect: 204)
        send("POST /api/token/refresh (logged out)", "POST", "/api/token/refresh", body: spent, expect: 401)
        return account
    }

    /// Creates an item, lists the collection, reads, updates and deletes the item.
    private func workOnItem(in collection: Collection, token: String) {
        itemsMade += 1
        let name = "Soak \(settings.runID) \(index)-\(itemsMade)"
        let path = collection.path
        guard
            let created = send("POST \(path)", "POST", path, token: token, body: collection.create(name), expect: 201),
            let item = try? decoder.decode(ItemBody.self, from: Data(created.body))
        else { return }
        let itemPath = "\(path)/\(item.id)"
        send("GET \(path)", "GET", path + collection.listQuery, token: token, expect: 200)
        send("GET \(path)/{id}", "GET", itemPath, token: token, expect: 200)
        let updated = send(
            "PATCH \(path)/{id}", "PATCH", itemPath, token: token, body: collection.update(name),
            headers: [("if-match", "\"\(item.version)\"")], expect: 200)
        // The update's own version, so that a lost update would show as a 412 here.
        let version = updated.flatMap { try? decoder.decode(ItemBody.self, from: Data($0.body)) }?.version
        send(
            "DELETE \(path)/{id}", "DELETE", itemPath, token: token,
            headers: version.map { [("if-match", "\"\($0)\"")] } ?? [], expect: 204)
    }

    /// Signs up a new account for this client; nil if the sign-up failed.
    private func signUp() -> Account? {
        accountsMade += 1
        let account = Account(
            email: "soak-\(settings.runID)-\(index)-\(accountsMade)@example.com", password: "soak-password-Kx7!q2")
        let body =
            #"{"email":"\#(account.email)","password":"\#(account.password)","display_name":"Soak \#(index)"}"#
        return send("POST /api/users", "POST", "/api/users", body: body, expect: 201) == nil ? nil : account
    }

    /// The function template.yaml routes `target` to (for the soak's own requests only).
    static func function(serving target: String) -> String {
        let path = target.split(separator: "?").first.map(String.init) ?? target
        switch path {
        case "/api/users": return "CreateUser"
        case "/api/login": return "Login"
        case "/api/token/refresh", "/api/logout": return "Sessions"
        case "/api/me": return "Me"
        case "/api/health": return "Health"
        default:
            for name in ["charts", "watchlists", "alerts"] where path.hasPrefix("/api/\(name)") {
                return name.prefix(1).uppercased() + name.dropFirst()
            }
            return "NotFound"
        }
    }

    private func decodeSession(_ message: WireMessage) -> Session? {
        guard let body = try? decoder.decode(SessionBody.self, from: Data(message.body)) else {
            fail("decoding the session", expected: message.statusCode, status: message.statusCode, body: message.body)
            return nil
        }
        return Session(accessToken: body.accessToken, refreshToken: body.refreshToken)
    }

    /// Sends one request and records it; returns the response only when its status is `expect`.
    @discardableResult
    private func send(
        _ step: String, _ method: String, _ target: String, token: String? = nil, body: String? = nil,
        headers: [(name: String, value: String)] = [], expect: Int
    ) -> WireMessage? {
        let request = httpRequest(
            method: method, target: target, port: settings.port, token: token, body: body, headers: headers)
        let sent = monotonicNanoseconds()
        do {
            if connection == nil {
                connection = try WireConnection.connect(port: settings.port)
                // bcrypt under load takes seconds; a minute means something is stuck.
                connection?.setReadTimeout(seconds: 60)
            }
            try connection!.write(request)
            let response = try connection!.readMessage()
            let finished = monotonicNanoseconds()
            outcome.records.append(
                Record(
                    step: step, function: Self.function(serving: target), finishedAt: seconds(since: finished),
                    milliseconds: Double(finished - sent) / 1e6,
                    isBcrypt: Self.bcryptSteps.contains(step)))
            if response.header("connection")?.lowercased() == "close" { connection = nil }
            guard response.statusCode == expect else {
                fail(step, expected: expect, status: response.statusCode, body: response.body)
                return nil
            }
            return response
        } catch {
            connection = nil
            fail(step, expected: expect, status: 0, body: Array("\(error)".utf8))
            return nil
        }
    }

    private func fail(_ step: String, expected: Int, status: Int, body: [UInt8]) {
        outcome.failureCounts["\(step) → \(status == 0 ? "no response" : String(status))", default: 0] += 1
        guard outcome.failureExamples.count < Self.keptExamples else { return }
        outcome.failureExamples.append(
            Failure(
                step: step, expected: expected, status: status, at: seconds(since: monotonicNanoseconds()),
                body: String(decoding: body.prefix(400), as: UTF8.self)))
    }

    private func seconds(since instant: UInt64) -> Double {
        (Double(instant) - Double(settings.origin)) / 1e9
    }

    /// After a failure that leaves nothing to continue with: do not spin on it.
    private func pause() { usleep(200_000) }
}
