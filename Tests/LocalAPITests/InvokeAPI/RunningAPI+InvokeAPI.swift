import Foundation
import LocalHarness

extension RunningAPI {
    /// Three functions: `Echo` (logical id `EchoFunction`), the `RuntimeFixture` product answering
    /// its JSON commands; `Bytes`, the same answering with the event's bytes; and `Missing`,
    /// which is not built.
    static let invokeTemplate = """
        Resources:
          EchoFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Echo/
              Timeout: 10
          BytesFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Bytes/
              # Echoing 6 MB takes a while on a machine busy with the rest of the suite.
              Timeout: 60
              Environment: {Variables: {FIXTURE_MODE: bytes}}
          MissingFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Missing/
        """

    /// Lambda's Invoke API as `chronoview-local serve` runs it, on a free port, over
    /// ``invokeTemplate``'s functions in real processes; `baseURL` is the Invoke API's.
    /// Everything is stopped (function processes included) when `body` ends.
    static func withInvokeAPI<Result>(_ body: (RunningAPI) async throws -> Result) async throws -> Result {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        try folder.linkRuntimeFixture(as: "Echo")
        try folder.linkRuntimeFixture(as: "Bytes")
        let template = try ServerlessTemplate(yaml: invokeTemplate)
        let settings = LocalFunctionSettings(buildPath: folder.path)
        let log = LogCollector()
        return try await withLocalLambda(
            functions: template.functions.map(settings.definition(for:)), logger: quiet, outputHandler: { _ in }
        ) { lambda in
            let service = InvokeAPIService(functions: template.functions, invoker: lambda, log: { log.record($0) })
            let server = InvokeAPIServer(service: service, host: "127.0.0.1", port: 0)
            return try await serve(server.run, lambda: lambda, log: log, body)
        }
    }

    /// Waits until `condition` holds, for what happens after the response (an `Event` invocation).
    func eventually(_ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(15)
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
