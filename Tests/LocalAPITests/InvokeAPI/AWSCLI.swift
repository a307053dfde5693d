import Foundation
import LocalHarness
import TestSupport

/// The AWS CLI that `./build.sh test` installs (scripts/lib/peers.sh), pointed at a local
/// endpoint with dummy credentials: a client of our Invoke API that we did not write.
///
/// It is version 1, the one PyPI has: that takes `--payload` as raw JSON and pages nothing, so
/// it needs neither `--cli-binary-format raw-in-base64-out` nor `--no-cli-pager` (version 2's
/// options, which version 1 refuses).
struct AWSCLI {
    let executable: String

    /// Fails, rather than skips, when the CLI is not installed.
    init() throws {
        executable = try PeerTools.path("CHRONOVIEW_AWS_CLI")
    }

    /// What `aws lambda invoke` did.
    struct Invocation {
        var status: ExitStatus
        /// Standard output: the invocation's `StatusCode`, `FunctionError`, `ExecutedVersion`.
        var output: String
        var errors: String
        /// The response payload the CLI wrote to its outfile.
        var payload: String

        /// The fields of ``output``.
        var fields: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any] ?? [:]
        }

        /// The fields of ``payload``, a JSON object.
        var payloadFields: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// `aws lambda invoke --endpoint-url <endpoint> --function-name <function> [--payload ...] <options> <outfile>`.
    func invoke(
        endpoint: String, function: String, payload: String? = nil, options: [String] = []
    ) async throws -> Invocation {
        try await PeerTools.withFolder { folder in
            let outfile = folder.appendingPathComponent("out.json")
            var arguments = ["lambda", "invoke", "--endpoint-url", endpoint, "--function-name", function]
            if let payload { arguments += ["--payload", payload] }
            arguments += options + [outfile.path]
            let run = try await ProgramRun.run(executable, arguments: arguments, environment: Self.environment)
            return Invocation(
                status: run.status, output: run.standardOutput, errors: run.standardError,
                payload: (try? String(contentsOf: outfile, encoding: .utf8)) ?? "")
        }
    }

    /// This process's environment without any AWS settings of the developer's (a profile, a
    /// region, a config file), with dummy credentials, and without retries, which would only
    /// slow an expected error down.
    private static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_ACCESS_KEY_ID"] = "test"
        environment["AWS_SECRET_ACCESS_KEY"] = "test"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment["AWS_MAX_ATTEMPTS"] = "1"
        return environment
    }
}
