import AsyncHTTPClient
import Foundation
import LocalHarness
import NIOCore
import NIOHTTP1
import NIOPosix
import TestSupport
import Testing

/// Our runtime (the `RuntimeFixture` product) served by cargo-lambda's Runtime API emulator
/// (`cargo lambda watch --only-lambda-apis`), an implementation independent of ours.
@Suite struct CargoLambdaTests {
    /// cargo-lambda reads a Cargo manifest at start; with --only-lambda-apis it builds nothing,
    /// and its one binary names the function the runtime serves.
    static let manifest = """
        [package]
        name = "runtime-peer"
        version = "0.0.0"
        edition = "2021"

        [[bin]]
        name = "fixture"
        path = "main.rs"
        """

    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]
    ) async throws -> SpawnedProcess {
        try await SpawnedProcess.start(
            executable: executable, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, standardOutput: nil,
            standardError: nil)
    }

    /// Waits until something listens on `port`: our runtime, like AWS's, stops when it cannot
    /// reach its Runtime API, so it must not start before the emulator does.
    static func waitForListener(on port: Int) async throws {
        let started = ContinuousClock.now
        while true {
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: port).get()
                try await channel.close()
                return
            } catch  where ContinuousClock.now - started < .seconds(15) {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// Invokes the function through cargo-lambda's Invoke API, retrying while it starts.
    static func invoke(_ event: String, port: Int) async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/2015-03-31/functions/fixture/invocations")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: event))
        let started = ContinuousClock.now
        while true {
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
                let body = try await response.body.collect(upTo: 1 << 20)
                return (response.status.code, String(buffer: body))
            } catch  where ContinuousClock.now - started < .seconds(15) {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    @Test func ourRuntimeAnswersEveryInvocationCargoLambdaHandsIt() async throws {
        let cargoLambda = try PeerTools.path("CHRONOVIEW_CARGO_LAMBDA")
        try await PeerTools.withFolder { folder in
            try Self.manifest.write(to: folder.appendingPathComponent("Cargo.toml"), atomically: true, encoding: .utf8)
            let port = try await Self.freePort()
            let emulator = try await Self.start(
                cargoLambda,
                [
                    "lambda", "watch", "--only-lambda-apis", "--invoke-address", "127.0.0.1", "--invoke-port",
                    String(port), "--manifest-path", folder.appendingPathComponent("Cargo.toml").path,
                ], environment: [:])
            // Each stopped (SIGTERM, then SIGKILL after 10 seconds) however the test ends.
            try await emulator.whileRunning {
                try await Self.waitForListener(on: port)
                let runtime = try await Self.start(
                    BuildFolder.product("RuntimeFixture"), [],
                    environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(port)/.rt/fixture", "FIXTURE_MODE": "json"])
                try await runtime.whileRunning {
                    for value in ["first", "second"] {
                        let echoed = try await Self.invoke(#"{"action":"echo","payload":"\#(value)"}"#, port: port)
                        #expect(echoed.status == 200, "\(echoed.body)")
                        let reply = try JSONSerialization.jsonObject(with: Data(echoed.body.utf8)) as? [String: Any]
                        #expect(reply?["echo"] as? String == value)
                        #expect((reply?["requestId"] as? String)?.isEmpty == false)
                    }
                    // cargo-lambda answers a function error with a 500 carrying the runtime's report.
                    let failed = try await Self.invoke(#"{"action":"throw","message":"asked to fail"}"#, port: port)
                    #expect(failed.status == 500)
                    #expect(failed.body.contains(#""errorType":"FixtureError""#))
                    #expect(failed.body.contains("asked to fail"))
                    let after = try await Self.invoke(#"{"action":"echo","payload":"after"}"#, port: port)
                    #expect(after.status == 200, "the runtime serves on after a function error")
                    #expect(!runtime.hasExited)
                }
            }
        }
    }
}
