import Foundation
import TestSupport

/// A throwaway build folder of function executables for the end-to-end tests: links to the
/// `RuntimeFixture` product under any function name, and small Runtime API clients in Python
/// for behaviours the fixture cannot show through an HTTP event (a crash in the middle of an
/// invocation, a slow or non-JSON answer, the environment's process id).
struct FixtureFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("localapi-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `name` runs the `RuntimeFixture` product (its mode comes from the function's `FIXTURE_MODE`).
    func linkRuntimeFixture(as name: String) throws {
        let fixture = "\(BuildFolder.path)/RuntimeFixture"
        guard FileManager.default.isExecutableFile(atPath: fixture) else {
            throw FixtureMissing(path: fixture)
        }
        try FileManager.default.createSymbolicLink(atPath: "\(path)/\(name)", withDestinationPath: fixture)
    }

    /// `name` runs ``pythonRuntime`` (its behaviour comes from the function's `PY_MODE`).
    func addPythonRuntime(as name: String) throws {
        let file = "\(path)/\(name)"
        try Self.pythonRuntime.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) is not built: run the tests with swift test" }
    }

    /// A Runtime API client in a few lines, answering with the HTTP API response format.
    static let pythonRuntime = #"""
        #!/usr/bin/env python3
        # PY_MODE: pid (answer with the process id after SLEEP_MS), crash-once (the first
        # environment exits while it holds an invocation), slow (answer after 3 s),
        # not-json (answer with a payload that is not JSON).
        import json, os, time, urllib.request

        api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
        mode = os.environ.get("PY_MODE", "pid")
        marker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crashed-once")
        while True:
            with urllib.request.urlopen(api + "next") as reply:
                request_id = reply.headers["Lambda-Runtime-Aws-Request-Id"]
                reply.read()
            if mode == "crash-once" and not os.path.exists(marker):
                open(marker, "w").close()
                os._exit(3)
            if mode == "slow":
                time.sleep(20)
            time.sleep(int(os.environ.get("SLEEP_MS", "0")) / 1000)
            if mode == "not-json":
                body = b"this is not JSON"
            else:
                body = json.dumps({"statusCode": 200, "headers": {"x-pid": str(os.getpid())}, "body": mode}).encode()
            urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=body)).read()
        """#
}
