import Foundation
import Testing

/// The AWS CLI that `./build.sh test` installs, at the path in `CHRONOVIEW_AWS_CLI`: a token
/// generator we did not write, to compare ours with.
struct AWSCLI {
    /// Whether `CHRONOVIEW_AWS_CLI` is set: tests that need the CLI are skipped when not.
    static var isConfigured: Bool { executable != nil }

    private static var executable: String? { ProcessInfo.processInfo.environment["CHRONOVIEW_AWS_CLI"] }

    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var errors: String
        var description: String { "the AWS CLI exited with \(status): \(errors)" }
    }

    /// `aws rds generate-db-auth-token`'s output, without its final newline.
    static func generateDBAuthToken(
        hostname: String, port: Int, username: String, region: String, credentials: [String: String]
    ) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        process.arguments = [
            "rds", "generate-db-auth-token", "--hostname", hostname, "--port", String(port), "--region", region,
            "--username", username,
        ]
        // Only the credentials given, and no settings of the developer's (a profile, a config file).
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment.merge(credentials) { $1 }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // Awaited, not waited for: a blocked thread would be one of the few the whole test run
        // shares. A token is far smaller than a pipe's buffer, so reading after the exit cannot
        // block it.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(
                status: process.terminationStatus,
                errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        return text.trimmingCharacters(in: .newlines)
    }
}
