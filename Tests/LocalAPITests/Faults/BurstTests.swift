import Foundation
import LocalHarness
import NIOHTTP1
import Testing

extension FaultTests {
    /// More concurrent requests than a function may have environments.
    @Suite struct BurstTests {
        static let ceiling = 2

        /// The most seen at once while a burst ran.
        struct Peaks: Sendable {
            var connections = 0
            var environments = 0
            /// Requests sent and not yet answered, at most.
            var requests = 0
            /// Requests sent and not yet answered, now.
            var inFlight = 0
        }

        @Test func aBurstQueuesAndTheDatabaseNeverSeesMoreConnectionsThanTheCeiling() async throws {
            try await FaultTests.withAPI(maximumEnvironments: Self.ceiling) { backed in
                let api = backed.api
                let session = try await FaultTests.signUpAndLogIn("burst@example.com", on: api)
                let chart = try await api.send(
                    .POST, "/api/charts", headers: session.bearer + FaultTests.jsonHeaders,
                    body: AccountsFlowTests.json(["name": "Daily", "symbol": "NASDAQ:AAPL", "interval": "1d"]))
                #expect(chart.status == 201, "\(chart.text)")

                let bursting = SharedValue(true)
                let peaks = SharedValue(Peaks())
                let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                    group.addTask {
                        // Samples until the burst is over: the function's sessions in the
                        // database and its environments.
                        while bursting.value {
                            let connections = try await FaultTests.integer(
                                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() "
                                    + "AND application_name = 'Charts'",
                                on: backed.database)
                            let statistics = try #require(api.lambda.statistics(for: "Charts"))
                            peaks.update {
                                $0.connections = max($0.connections, connections)
                                $0.environments = max($0.environments, statistics.liveEnvironments)
                            }
                            try await Task.sleep(for: .milliseconds(5))
                        }
                        return []
                    }
                    group.addTask {
                        defer { bursting.update { $0 = false } }
                        return try await withThrowingTaskGroup(of: Int.self) { burst in
                            for _ in 0..<(12 * Self.ceiling) {
                                burst.addTask {
                                    peaks.update {
                                        $0.inFlight += 1
                                        $0.requests = max($0.requests, $0.inFlight)
                                    }
                                    defer { peaks.update { $0.inFlight -= 1 } }
                                    return try await api.send(.GET, "/api/charts", headers: session.bearer).status
                                }
                            }
                            return try await burst.reduce(into: []) { $0.append($1) }
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }

                // Every request waited its turn and was served.
                #expect(statuses.count == 12 * Self.ceiling)
                #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses)")
                let seen = peaks.value
                // More requests at once than environments, each environment serving one at a
                // time, and never more environments: the rest waited in the queue.
                #expect(seen.requests > Self.ceiling, "the burst never outgrew the environments")
                #expect(seen.environments <= Self.ceiling)
                #expect(seen.connections <= Self.ceiling)
                #expect(try #require(api.lambda.statistics(for: "Charts")).spawns <= Self.ceiling)
            }
        }

        @Test func aBurstPastTheRouteThrottlingGets429AndTheRestIsServed() async throws {
            // template.yaml's DefaultRouteSettings, lowered so that a test's burst goes past them.
            let lowered = { (template: String) in
                template.replacingOccurrences(of: "ThrottlingBurstLimit: 200", with: "ThrottlingBurstLimit: 5")
                    .replacingOccurrences(of: "ThrottlingRateLimit: 100", with: "ThrottlingRateLimit: 1")
            }
            let template = try String(contentsOfFile: DatabaseBackedAPI.templatePath, encoding: .utf8)
            try #require(lowered(template).contains("ThrottlingBurstLimit: 5"), "template.yaml's throttling changed")
            try await FaultTests.withAPI(maximumEnvironments: Self.ceiling, editTemplate: lowered) { backed in
                let api = backed.api
                let session = try await FaultTests.signUpAndLogIn("throttled@example.com", on: api)
                let replies = try await withThrowingTaskGroup(of: RunningAPI.Reply.self) { burst in
                    for _ in 0..<(12 * Self.ceiling) {
                        burst.addTask { try await api.send(.GET, "/api/charts", headers: session.bearer) }
                    }
                    return try await burst.reduce(into: []) { $0.append($1) }
                }
                let served = replies.filter { $0.status == 200 }
                let throttled = replies.filter { $0.status == 429 }
                #expect(served.count + throttled.count == replies.count, "\(replies.map(\.status))")
                // The burst, plus what the rate refilled meanwhile.
                #expect(served.count >= 5 && served.count <= 8, "\(replies.map(\.status))")
                #expect(throttled.allSatisfy { $0.text == #"{"message":"Too Many Requests"}"# })
            }
        }
    }
}
