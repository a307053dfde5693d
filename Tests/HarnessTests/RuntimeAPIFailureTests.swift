import NIOCore
import NIOPosix
import TestSupport
import Testing

@testable import LocalHarness

/// Our runtime against a Runtime API that fails it: it must end promptly with a non-zero
/// status, never spin, so that Lambda (or the emulator) replaces the environment.
@Suite struct RuntimeAPIFailureTests {
    @Test func runtimeExitsWhenTheRuntimeAPIAnswers500() async throws {
        try await withLocalLambda(functions: [], logger: FixtureFunction.quietLogger) { lambda in
            // No such environment: the server answers 500, "non-recoverable state".
            let exit = try await runFixture(runtimeAPI: "127.0.0.1:\(lambda.runtimeAPIPort)/no-such-environment")
            #expect(exit.status == .exited(1))
            #expect(exit.cpuTime < .milliseconds(500))
        }
    }

    @Test func runtimeExitsWhenTheRuntimeAPIClosesTheConnection() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CloseOnConnect())
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = try #require(server.localAddress?.port)
        let exit = try await runFixture(runtimeAPI: "127.0.0.1:\(port)")
        try await server.close()
        #expect(exit.status == .exited(1))
        #expect(exit.cpuTime < .milliseconds(500))
    }

    @Test func runtimeWaitsForASlowRuntimeAPIWithoutSpinning() async throws {
        let api = SlowRuntimeAPI(delay: .seconds(2))
        let server = try await api.start()
        let port = try #require(server.localAddress?.port)
        let started = ContinuousClock.now
        let exit = try await runFixture(runtimeAPI: "127.0.0.1:\(port)", mode: "bytes")
        let elapsed = ContinuousClock.now - started
        try await server.close()
        // It waited out both slow answers, delivered its response, and left when the API went away.
        #expect(api.responses == ["slow event"])
        #expect(elapsed >= .seconds(4))
        #expect(exit.status == .exited(1))
        // Seconds of waiting cost next to no CPU: the runtime blocks on the socket, it does not poll.
        #expect(exit.cpuTime < .milliseconds(500), "\(exit.cpuTime) of CPU over \(elapsed)")
    }

    /// A database pool keeps reconnecting until it is cancelled: stopping must cancel it, and
    /// must not wait for a service that ignores cancellation.
    @Test(arguments: ["until-cancelled", "ignoring-cancellation"])
    func backgroundServicesDoNotKeepARuntimeWithoutARuntimeAPIAlive(_ service: String) async throws {
        let port = try await UnusedPort.find()
        let exit = try await runFixture(
            runtimeAPI: "127.0.0.1:\(port)", environment: ["FIXTURE_BACKGROUND": service], limit: .seconds(10))
        #expect(exit.status == .exited(1))
    }

    @Test func backgroundServicesDoNotKeepARuntimeAliveAfterItsInitError() async throws {
        let api = InitErrorRuntimeAPI()
        let server = try await api.start()
        let port = try #require(server.localAddress?.port)
        let exit = try await runFixture(
            runtimeAPI: "127.0.0.1:\(port)",
            environment: ["FIXTURE_BACKGROUND": "until-cancelled", "FIXTURE_INIT_ERROR": "no configuration"],
            limit: .seconds(10))
        try await server.close()
        #expect(exit.status == .exited(1))
        #expect(api.initErrors.count == 1)
        #expect(api.initErrors.first?.contains("no configuration") == true)
    }

    /// Runs `RuntimeFixture` against `runtimeAPI` and waits, at most `limit`, for it to end.
    private func runFixture(
        runtimeAPI: String, mode: String = "json", environment: [String: String] = [:],
        limit: Duration = .seconds(20)
    ) async throws -> ProcessExit {
        let (process, pipes) = try await MultiThreadedEventLoopGroup.singleton.any().submit {
            try ChildProcess.spawn(
                executable: BuildFolder.product("RuntimeFixture"),
                arguments: [],
                environment: environment.merging(["AWS_LAMBDA_RUNTIME_API": runtimeAPI, "FIXTURE_MODE": mode]) { $1 },
                directory: nil
            )
        }.get()
        // Left open until the end, unread: a runtime that logs before its first socket (an init
        // error) has not yet had SIGPIPE ignored by NIO, and a closed pipe would kill it.
        defer {
            close(pipes.standardOutput)
            close(pipes.standardError)
        }
        ProcessReaper.shared.watch(process)
        return try await withThrowingTaskGroup(of: ProcessExit?.self) { group in
            group.addTask { await process.waitForExit() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            guard let exit = first else {
                process.kill()
                _ = await process.waitForExit()
                Issue.record("the runtime was still running after \(limit)")
                throw CancellationError()
            }
            return exit
        }
    }
}

/// Accepts a connection and closes it at once.
private final class CloseOnConnect: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    func channelActive(context: ChannelHandlerContext) {
        context.close(promise: nil)
    }
}
