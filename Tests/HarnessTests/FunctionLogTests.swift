import Foundation
import LocalHarness
import NIOCore
import Testing

/// What functions write reaches the harness line by line, tagged with the function.
@Suite struct FunctionLogTests {
    @Test func jsonLogLinesCarryTheRequestID() async throws {
        let lines = OutputLineCollector()
        let function = FixtureFunction.definition(name: "Logger", environment: ["AWS_LAMBDA_LOG_FORMAT": "JSON"])
        try await withLocalLambda(
            functions: [function], logger: FixtureFunction.quietLogger, outputHandler: lines.handler
        ) { lambda in
            let result = try await lambda.invoke(
                "Logger", payload: FixtureFunction.command("log", message: "chart saved"))
            #expect(result.errorType == nil)
            let line = try #require(await lines.firstLine { $0.text.contains("chart saved") })
            #expect(line.functionName == "Logger")
            #expect(line.stream == .standardOutput)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(line.text.utf8)) as? [String: Any])
            #expect(json["message"] as? String == "chart saved")
            #expect(json["level"] as? String == "INFO")
            #expect(json["requestId"] as? String == result.report.requestID)
            #expect(json["fixture"] as? String == "log")
        }
    }
}
