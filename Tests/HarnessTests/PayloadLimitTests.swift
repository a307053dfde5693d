import LocalHarness
import NIOCore
import Testing

/// Lambda's 6 MB limit on synchronous payloads, both ways.
@Suite struct PayloadLimitTests {
    @Test func requestExactlyAtTheLimitIsAccepted() async throws {
        let function = FixtureFunction.definition(mode: "bytes")
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let payload = ByteBuffer(repeating: UInt8(ascii: "x"), count: PayloadLimit.bytes)
            let result = try await lambda.invoke("Fixture", payload: payload)
            #expect(result.errorType == nil)
            #expect(result.payload == payload, "echoed whole: a response of exactly 6 MB is accepted too")
        }
    }

    @Test func requestOneByteOverIsRefusedBeforeAnythingRuns() async throws {
        let function = FixtureFunction.definition(mode: "bytes")
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let payload = ByteBuffer(repeating: UInt8(ascii: "x"), count: PayloadLimit.bytes + 1)
            let result = try await lambda.invoke("Fixture", payload: payload)
            #expect(result.errorType == "RequestEntityTooLarge")
            #expect(lambda.statistics(for: "Fixture")?.spawns == 0)
        }
    }

    @Test func responseOverTheLimitFailsTheInvocationButNotTheEnvironment() async throws {
        try await withLocalLambda(functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger) {
            lambda in
            let result = try await lambda.invoke(
                "Fixture", payload: FixtureFunction.command("echo", bytes: PayloadLimit.bytes))
            #expect(result.errorType == "Function.ResponseSizeTooLarge")
            let message = try FixtureFunction.errorDocument(result)["errorMessage"] ?? ""
            #expect(message.hasSuffix("exceeded maximum allowed payload size (6291456 bytes)."))

            let next = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            #expect(next.errorType == nil)
            #expect(lambda.statistics(for: "Fixture")?.spawns == 1)
        }
    }
}
