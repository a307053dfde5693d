import Foundation
import LocalHarness
import Logging
import NIOCore
import Testing

/// AWS's own runtime interface client for Python, run as a function by our local Lambda
/// service: an independent client of our Runtime API emulator.
@Suite struct AWSLambdaRICTests {
    static let handlerModule = """
        def echo(event, context):
            return {"echo": event, "requestId": context.aws_request_id,
                    "arn": context.invoked_function_arn, "remaining": context.get_remaining_time_in_millis()}

        def fail(event, context):
            raise ValueError("boom: " + str(event))
        """

    static func function(_ handler: String, folder: URL) throws -> FunctionDefinition {
        FunctionDefinition(
            name: "PythonRIC", executablePath: try PeerTools.path("CHRONOVIEW_AWSLAMBDARIC_PYTHON"),
            arguments: ["-m", "awslambdaric", handler], environment: ["PYTHONPATH": folder.path],
            timeout: .seconds(10), maximumEnvironments: 1, handler: handler)
    }

    static let quiet: Logger = {
        var logger = Logger(label: "awslambdaric-tests")
        logger.logLevel = .warning
        return logger
    }()

    @Test func itsInvocationsAreServedWithLambdasContextOverOneEnvironment() async throws {
        try await PeerTools.withFolder { folder in
            try Self.handlerModule.write(
                to: folder.appendingPathComponent("handler.py"), atomically: true, encoding: .utf8)
            try await withLocalLambda(
                functions: [try Self.function("handler.echo", folder: folder)], logger: Self.quiet
            ) {
                lambda in
                for value in [1, 2] {
                    let result = try await lambda.invoke("PythonRIC", payload: ByteBuffer(string: #"{"n":\#(value)}"#))
                    #expect(result.errorType == nil, "\(String(buffer: result.payload))")
                    let reply = try #require(
                        try JSONSerialization.jsonObject(with: Data(result.payload.readableBytesView)) as? [String: Any]
                    )
                    #expect((reply["echo"] as? [String: Any])?["n"] as? Int == value)
                    #expect(reply["requestId"] as? String == result.report.requestID)
                    #expect((reply["arn"] as? String)?.hasSuffix(":function:PythonRIC") == true)
                    #expect(((reply["remaining"] as? Int) ?? 0) > 0)
                }
                #expect(
                    lambda.statistics(for: "PythonRIC")?.spawns == 1, "the second invocation reused the environment")
            }
        }
    }

    @Test func anExceptionIsTheInvocationsErrorAndTheEnvironmentServesOn() async throws {
        try await PeerTools.withFolder { folder in
            try Self.handlerModule.write(
                to: folder.appendingPathComponent("handler.py"), atomically: true, encoding: .utf8)
            try await withLocalLambda(
                functions: [try Self.function("handler.fail", folder: folder)], logger: Self.quiet
            ) {
                lambda in
                let failed = try await lambda.invoke("PythonRIC", payload: ByteBuffer(string: #""x""#))
                #expect(failed.errorType == "ValueError")
                #expect(String(buffer: failed.payload).contains("boom: x"))
                let again = try await lambda.invoke("PythonRIC", payload: ByteBuffer(string: #""y""#))
                #expect(again.errorType == "ValueError")
                #expect(lambda.statistics(for: "PythonRIC")?.spawns == 1)
            }
        }
    }
}
