import Foundation
import LocalHarness
import Logging
import NIOCore
import TestSupport

/// The `RuntimeFixture` executable as a function, and the commands it understands.
enum FixtureFunction {
    static func definition(
        name: String = "Fixture",
        mode: String = "json",
        environment: [String: String] = [:],
        timeout: Duration = .seconds(10),
        maximumEnvironments: Int = 4
    ) -> FunctionDefinition {
        var environment = environment
        environment["FIXTURE_MODE"] = mode
        return FunctionDefinition(
            name: name,
            executablePath: BuildFolder.product("RuntimeFixture"),
            environment: environment,
            timeout: timeout,
            maximumEnvironments: maximumEnvironments
        )
    }

    /// What the fixture is asked to do (see its `Command`).
    struct Command: Encodable {
        var action: String
        var payload: [String: String]?
        var milliseconds: Int?
        var bytes: Int?
        var message: String?
    }

    /// What the fixture answers (see its `Reply`).
    struct Reply: Decodable {
        var echo: [String: String]?
        var requestId: String
        var traceId: String?
        var invokedFunctionArn: String
        var remainingMilliseconds: Int64
        var functionName: String
        var padding: String?
    }

    static func command(
        _ action: String,
        payload: [String: String]? = nil,
        milliseconds: Int? = nil,
        bytes: Int? = nil,
        message: String? = nil
    ) -> ByteBuffer {
        let command = Command(
            action: action, payload: payload, milliseconds: milliseconds, bytes: bytes, message: message)
        return ByteBuffer(bytes: try! JSONEncoder().encode(command))
    }

    static func reply(_ result: InvocationResult) throws -> Reply {
        try JSONDecoder().decode(Reply.self, from: Data(result.payload.readableBytesView))
    }

    /// The `{errorMessage, errorType}` document of a function error.
    static func errorDocument(_ result: InvocationResult) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(result.payload.readableBytesView)) as? [String: Any]
        return (object ?? [:]).compactMapValues { $0 as? String }
    }

    /// A logger that keeps test output quiet: `REPORT` lines are info.
    static let quietLogger: Logger = {
        var logger = Logger(label: "harness-tests")
        logger.logLevel = .warning
        return logger
    }()
}
