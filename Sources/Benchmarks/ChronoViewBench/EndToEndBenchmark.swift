import ArgumentParser
import Foundation

/// Part 3: the API as a client feels it, through the local API (API Gateway and Lambda emulated,
/// real function processes, a real PostgreSQL), beside the database floor and bcrypt's cost.
struct EndToEndBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endtoend", abstract: "Requests/s and latency of API routes through the local API.")

    @Option(help: "The local API's port on 127.0.0.1.")
    var port: UInt16

    @Option(help: "Seconds of measured load per route and concurrency.")
    var seconds = 10

    @Option(help: "Seconds of unmeasured load before each measurement (starts the environments).")
    var warmUpSeconds = 1.0

    @Option(help: "Concurrencies to measure.")
    var concurrency: [Int] = [1, 8]

    @Option(help: "Accounts to spread writes and logins over (per-email locks would serialise one).")
    var users = 8

    @Option(help: "The database, for the pgbench floor (pgbench runs only when given).")
    var databaseURL: String?

    @Option(help: "The bcrypt figures written by `chronoview-bench bcrypt`, to compare logins with.")
    var bcryptJSON: String?

    @OptionGroup var figuresFile: FiguresFile

    @Option(help: "Scratch folder for pgbench's logs.")
    var workDirectory: String

    struct Route: Codable {
        var route: String
        var results: [LoadGenerator.Result]
    }

    struct Output: Codable {
        var routes: [Route]
        var databaseFloor: Route?
        var bcryptVerifyMilliseconds: Double?
        var setupStatuses: [String: Int]
    }

    struct Account {
        var email: String
        var token: String
        var userID: String?
    }

    func run() throws {
        let password = "bench-password-Kx7!q2"
        let run = UUID().uuidString.prefix(8).lowercased()
        var setupStatuses: [String: Int] = [:]
        let setup = try WireConnection.connect(port: port)
        setup.setReadTimeout(seconds: 60)
        var accounts: [Account] = []
        for index in 0..<users {
            let email = "e2e-\(run)-\(index)@example.com"
            let credentials = #"{"email":"\#(email)","password":"\#(password)"}"#
            let signUp = #"{"email":"\#(email)","password":"\#(password)","display_name":"Bench \#(index)"}"#
            try setup.write(httpRequest(method: "POST", target: "/api/users", port: port, body: signUp))
            let created = try setup.readMessage()
            setupStatuses["POST /api/users \(created.statusCode)", default: 0] += 1
            try setup.write(httpRequest(method: "POST", target: "/api/login", port: port, body: credentials))
            let login = try setup.readMessage()
            setupStatuses["POST /api/login \(login.statusCode)", default: 0] += 1
            let json = try? JSONSerialization.jsonObject(with: Data(login.body)) as? [String: Any]
            guard let token = json?["access_token"] as? String else {
                throw BenchError(
                    "cannot log in through the local API (\(login.statusCode)): \(String(decoding: login.body, as: UTF8.self))"
                )
            }
            let user = json?["user"] as? [String: Any]
            accounts.append(Account(email: email, token: token, userID: user?["id"].map { "\($0)" }))
        }
        let port = port
        let tokens = accounts.map(\.token)
        let emails = accounts.map(\.email)
        let routes: [(String, @Sendable (Int, Int) -> [UInt8])] = [
            ("GET /api/me", { _, _ in httpRequest(method: "GET", target: "/api/me", port: port, token: tokens[0]) }),
            (
                "POST /api/charts",
                { connection, index in
                    // Spread over the accounts: each may keep at most 1,000 charts.
                    let body = #"{"name":"Bench \#(connection)-\#(index)","symbol":"BINANCE:BTCUSDT","interval":"1d"}"#
                    return httpRequest(
                        method: "POST", target: "/api/charts", port: port, token: tokens[index % tokens.count],
                        body: body)
                }
            ),
            (
                "GET /api/charts?limit=20",
                { _, _ in httpRequest(method: "GET", target: "/api/charts?limit=20", port: port, token: tokens[0]) }
            ),
            (
                "POST /api/login",
                { connection, _ in
                    // One account per connection: a login holds its email's lock for the whole bcrypt.
                    let body = #"{"email":"\#(emails[connection % emails.count])","password":"\#(password)"}"#
                    return httpRequest(method: "POST", target: "/api/login", port: port, body: body)
                }
            ),
        ]
        var output = Output(routes: [], setupStatuses: setupStatuses)
        printHeader()
        for (label, makeRequest) in routes {
            var route = Route(route: label, results: [])
            for level in concurrency {
                if warmUpSeconds > 0 {
                    _ = LoadGenerator(port: port, concurrency: level, seconds: warmUpSeconds, makeRequest: makeRequest)
                        .run()
                }
                let result = LoadGenerator(
                    port: port, concurrency: level, seconds: Double(seconds), makeRequest: makeRequest
                ).run()
                printRow(label, result)
                route.results.append(result)
            }
            output.routes.append(route)
        }
        if let databaseURL, let userID = accounts.first?.userID {
            let floor = DatabaseFloor(
                databaseURL: databaseURL, sql: "SELECT * FROM users WHERE id = '\(userID)'",
                workDirectory: workDirectory)
            var route = Route(route: "pgbench: users primary-key select", results: [])
            for level in concurrency {
                let result = try floor.run(concurrency: level, seconds: seconds)
                printRow(route.route, result)
                route.results.append(result)
            }
            output.databaseFloor = route
        }
        if let bcryptJSON, let data = FileManager.default.contents(atPath: bcryptJSON) {
            output.bcryptVerifyMilliseconds = try JSONDecoder().decode(BcryptBenchmark.Output.self, from: data)
                .verifyMilliseconds?.median
        }
        try figuresFile.write(output)
        printTargets(output)
    }

    private static let table = TextTable([
        "route": 34, "c": 4, "req/s": 9, "p50 ms": 9, "p95 ms": 9, "p99 ms": 9, "max ms": 9, "errors": 7,
    ])

    private func printHeader() {
        print(
            "== End to end through the local API (\(seconds) s per row after \(formatted(warmUpSeconds)) s of warm-up)")
        Self.table.printHeader()
    }

    private func printRow(_ label: String, _ result: LoadGenerator.Result) {
        Self.table.printRow([
            label, String(result.concurrency), formatted(result.requestsPerSecond),
            formatted(result.latencyMilliseconds?.median, digits: 2),
            formatted(result.latencyMilliseconds?.p95, digits: 2),
            formatted(result.latencyMilliseconds?.p99, digits: 2),
            formatted(result.latencyMilliseconds?.max, digits: 1), String(result.errors),
        ])
        let unexpected = result.statuses.filter { !$0.key.hasPrefix("2") }
        if !unexpected.isEmpty {
            print(
                "  statuses: \(result.statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))"
            )
        }
    }

    private func printTargets(_ output: Output) {
        let me = output.routes.first { $0.route == "GET /api/me" }?.results.first { $0.concurrency == 8 }
        if let latency = me?.latencyMilliseconds {
            let met = latency.median < 1 && latency.p99 < 5
            print(
                "target: GET /api/me at c8 p50 < 1 ms and p99 < 5 ms: \(met ? "met" : "MISSED") "
                    + "(p50 \(formatted(latency.median, digits: 2)) ms, p99 \(formatted(latency.p99, digits: 2)) ms)")
        }
        let login = output.routes.first { $0.route == "POST /api/login" }?.results.first { $0.concurrency == 1 }
        if let bcrypt = output.bcryptVerifyMilliseconds, let p50 = login?.latencyMilliseconds?.median {
            print(
                "target: POST /api/login (c1 p50) within 1.15x one bcrypt verification: "
                    + "\(p50 / bcrypt <= 1.15 ? "met" : "MISSED") (\(formatted(p50)) ms vs \(formatted(bcrypt)) ms, \(ratio(p50, bcrypt)))"
            )
        }
    }
}
