import Foundation
import LocalHarness
import TestSupport
import Testing

/// The AWS CLI that `./build.sh test` installs, at the path in `CHRONOVIEW_AWS_CLI`: a token
/// generator we did not write, to compare ours with.
struct AWSCLI {
    /// Whether `CHRONOVIEW_AWS_CLI` is set: tests that need the CLI are skipped when not.
    static var isConfigured: Bool { executable != nil }

    private static var executable: String? { ProcessInfo.processInfo.environment["CHRONOVIEW_AWS_CLI"] }

    struct Failure: Error, CustomStringConvertible {
        var status: LocalHarness.ExitStatus
        var errors: String
        var description: String { "the AWS CLI ended with \(status): \(errors)" }
    }

    /// `aws rds generate-db-auth-token`'s output, without its final newline.
    static func generateDBAuthToken(
        hostname: String, port: Int, username: String, region: String, credentials: [String: String]
    ) async throws -> String {
        // Only the credentials given, and no settings of the developer's (a profile, a config file).
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment.merge(credentials) { $1 }
        let run = try await ProgramRun.run(
            try #require(executable),
            arguments: [
                "rds", "generate-db-auth-token", "--hostname", hostname, "--port", String(port), "--region", region,
                "--username", username,
            ],
            environment: environment
        )
        guard run.status == .exited(0) else { throw Failure(status: run.status, errors: run.standardError) }
        return run.standardOutput.trimmingCharacters(in: .newlines)
    }
}
