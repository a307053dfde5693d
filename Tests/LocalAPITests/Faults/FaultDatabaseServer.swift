import Foundation
import NIOCore
import NIOPosix

@testable import LocalHarness

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL server that the fault tests stop and start: `./build.sh test` starts it for
/// them alone, so that the other suites keep theirs meanwhile.
struct FaultDatabaseServer: Sendable {
    /// `postgres://postgres@127.0.0.1:PORT/postgres`, a superuser.
    let url: String
    let dataDirectory: String
    let pgCtl: String
    let log: String
    /// The command prefix that runs pg_ctl as the server's user; empty when we are that user.
    let runAs: [String]

    /// The server `./build.sh test` describes in `CHRONOVIEW_FAULT_*`, if it started one.
    static let current: FaultDatabaseServer? = {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CHRONOVIEW_FAULT_DATABASE_URL"],
            let dataDirectory = environment["CHRONOVIEW_FAULT_PGDATA"],
            let pgCtl = environment["CHRONOVIEW_FAULT_PG_CTL"],
            let log = environment["CHRONOVIEW_FAULT_PG_LOG"]
        else { return nil }
        let runAs = (environment["CHRONOVIEW_FAULT_PG_RUN_AS"] ?? "").split(separator: " ").map(String.init)
        return FaultDatabaseServer(url: url, dataDirectory: dataDirectory, pgCtl: pgCtl, log: log, runAs: runAs)
    }()

    /// Stops the server the way an operator or a failover does: open transactions are rolled
    /// back and every session is ended.
    func stop() async throws {
        try await runPGCtl(["-D", dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"])
    }

    /// Starts it again on the same port; returns once it accepts connections.
    func start() async throws {
        try await runPGCtl(["-D", dataDirectory, "-l", log, "-w", "-t", "60", "start"])
    }

    struct PGCtlFailed: Error, CustomStringConvertible {
        var arguments: [String]
        var status: String
        var log: String
        var description: String { "pg_ctl \(arguments.joined(separator: " ")) ended with \(status); see \(log)" }
    }

    /// Runs pg_ctl as the server's user, through the harness's own process machinery:
    /// Foundation's `Process` never learns of an exit that the harness's reaper saw first.
    private func runPGCtl(_ arguments: [String]) async throws {
        // pg_ctl's words go nowhere: the server's own account of a failure is in its log.
        let command = runAs + [pgCtl] + arguments
        let (process, pipes) = try await MultiThreadedEventLoopGroup.singleton.any().submit {
            try ChildProcess.spawn(
                executable: "/bin/sh",
                arguments: ["-c", #"exec "$@" >/dev/null 2>&1"#, "pg_ctl"] + command,
                environment: ProcessInfo.processInfo.environment,
                // The server's user may not reach the test's working directory; pg_ctl refuses that.
                directory: "/"
            )
        }.get()
        close(pipes.standardOutput)
        close(pipes.standardError)
        ProcessReaper.shared.watch(process)
        let exit = await process.waitForExit()
        guard exit.status == .exited(0) else {
            throw PGCtlFailed(arguments: arguments, status: "\(exit.status)", log: log)
        }
    }
}
