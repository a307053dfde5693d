import Foundation
import LocalHarness
import NIOHTTP1
import Testing

/// Lambda's Invoke API on the wire: status codes, headers and bodies, request by request.
@Suite struct InvokeAPIHTTPTests {
    static func path(_ function: String) -> String {
        "/2015-03-31/functions/\(function)/invocations"
    }

    static func json(_ reply: RunningAPI.Reply) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:]
    }

    /// Lambda's request ids are UUIDs; every response names one.
    static func hasRequestID(_ reply: RunningAPI.Reply) -> Bool {
        reply.headers["x-amzn-RequestId"].first.flatMap(UUID.init(uuidString:)) != nil
    }

    @Test func aSynchronousInvocationAnswersThePayloadUnderTheFunctionsRequestID() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let reply = try await api.send(
                .POST, Self.path("Echo"), body: Array(#"{"action":"echo","payload":{"a":"b"}}"#.utf8))
            #expect(reply.status == 200)
            #expect(reply.headers["Content-Type"] == ["application/json"])
            #expect(reply.headers["X-Amz-Executed-Version"] == ["$LATEST"])
            #expect(reply.headers["X-Amz-Function-Error"].isEmpty)
            #expect(reply.headers["x-amzn-RequestId"] == [Self.json(reply)["requestId"] as? String ?? "?"])
            #expect(Self.json(reply)["echo"] as? [String: String] == ["a": "b"])
            #expect(api.log.all.map(\.description).first?.hasPrefix("POST \(Self.path("Echo")) → Echo 200 ") == true)
        }
    }

    @Test func thePayloadReachesTheFunctionAsSentAndAnEmptyOneAsAnEmptyObject() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let string = try await api.send(.POST, Self.path("Bytes"), body: Array(#""just a string""#.utf8))
            #expect(string.status == 200)
            #expect(string.text == #""just a string""#)
            let empty = try await api.send(.POST, Self.path("Bytes"))
            #expect(empty.status == 200)
            #expect(empty.text == "{}")
        }
    }

    @Test func aFunctionErrorIs200WithUnhandledAndTheErrorDocument() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let reply = try await api.send(
                .POST, Self.path("Echo"), body: Array(#"{"action":"throw","message":"boom"}"#.utf8))
            #expect(reply.status == 200)
            #expect(reply.headers["X-Amz-Function-Error"] == ["Unhandled"])
            #expect(Self.json(reply)["errorType"] as? String == "FixtureError")
            #expect(Self.json(reply)["errorMessage"] as? String == "boom")
            #expect(Self.hasRequestID(reply))
        }
    }

    @Test func aFunctionThatCannotStartFailsWithLambdasInvalidEntrypointError() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let reply = try await api.send(.POST, Self.path("MissingFunction"))
            #expect(reply.status == 200)
            #expect(reply.headers["X-Amz-Function-Error"] == ["Unhandled"])
            #expect(Self.json(reply)["errorType"] as? String == "Runtime.InvalidEntrypoint")
            #expect((Self.json(reply)["errorMessage"] as? String)?.contains("/Missing") == true)
        }
    }

    @Test func anUnknownFunctionIsResourceNotFound() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let reply = try await api.send(.POST, Self.path("Nope"), body: Array("{}".utf8))
            #expect(reply.status == 404)
            #expect(reply.headers["x-amzn-ErrorType"] == ["ResourceNotFoundException"])
            #expect(reply.headers["Content-Type"] == ["application/json"])
            #expect(Self.json(reply)["Type"] as? String == "User")
            #expect(
                Self.json(reply)["Message"] as? String
                    == "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope")
            #expect(Self.hasRequestID(reply))
        }
    }

    @Test func otherMethodsAndPathsAreRefusedAsTheLocalServiceRefusesThem() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let method = try await api.send(.GET, Self.path("Echo"))
            #expect(method.status == 405)
            #expect(method.headers["Allow"] == ["POST"])
            #expect(method.headers["x-amzn-ErrorType"] == ["MethodNotAllowedLocally"])
            #expect(Self.json(method)["Type"] as? String == "LocalService")
            #expect(Self.hasRequestID(method))

            for path in ["/", "/2015-03-31/functions/Echo", "/2015-03-31/functions//invocations"] {
                let reply = try await api.send(.POST, path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.headers["x-amzn-ErrorType"] == ["PathNotFoundLocally"], "\(path)")
                #expect(Self.json(reply)["Message"] as? String == "PathNotFoundException", "\(path)")
                #expect(Self.hasRequestID(reply), "\(path)")
            }
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 0)
        }
    }

    @Test func aPayloadThatIsNotJSONIsInvalidRequestContent() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let reply = try await api.send(.POST, Self.path("Echo"), body: Array("this is not JSON".utf8))
            #expect(reply.status == 400)
            #expect(reply.headers["x-amzn-ErrorType"] == ["InvalidRequestContentException"])
            #expect(
                (Self.json(reply)["message"] as? String)?.hasPrefix("Could not parse request body into json: ") == true)
            #expect(Self.hasRequestID(reply))
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 0)
        }
    }

    @Test func aPayloadOverTheLimitIsTooLargeAndOneAtTheLimitIsInvoked() async throws {
        try await RunningAPI.withInvokeAPI { api in
            // A JSON string of exactly the limit, echoed back: a response at the limit is fine too.
            let atLimit =
                Array(#"""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: PayloadLimit.bytes - 2)
                + Array(#"""#.utf8)
            let accepted = try await api.send(.POST, Self.path("Bytes"), body: atLimit)
            #expect(accepted.status == 200)
            #expect(accepted.body.count == PayloadLimit.bytes)

            let over = try await api.send(.POST, Self.path("Bytes"), body: atLimit + [UInt8(ascii: " ")])
            #expect(over.status == 413)
            #expect(over.headers["x-amzn-ErrorType"] == ["RequestTooLargeException"])
            #expect(
                Self.json(over)["message"] as? String
                    == "Request must be smaller than 6291456 bytes for the InvokeFunction operation")
            #expect(Self.hasRequestID(over))

            // An Event invocation is queued, and the queue takes 1 MB.
            let event =
                Array(#"""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1024 * 1024) + Array(#"""#.utf8)
            let queued = try await api.send(
                .POST, Self.path("Bytes"), headers: [("X-Amz-Invocation-Type", "Event")], body: event)
            #expect(queued.status == 413)
            #expect(
                Self.json(queued)["message"] as? String
                    == "1048578 byte payload is too large for the Event invocation type (limit 1048576 bytes)")
            #expect(api.lambda.statistics(for: "Bytes")?.invocations == 1)
        }
    }

    @Test func eventAndDryRunAnswer202And204WithoutABody() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let event = try await api.send(
                .POST, Self.path("Echo"), headers: [("X-Amz-Invocation-Type", "Event")],
                body: Array(#"{"action":"echo"}"#.utf8))
            #expect(event.status == 202)
            #expect(event.body.isEmpty)
            #expect(Self.hasRequestID(event))
            #expect(try await api.eventually { api.lambda.statistics(for: "Echo")?.invocations == 1 })

            let dryRun = try await api.send(
                .POST, Self.path("Echo"), headers: [("X-Amz-Invocation-Type", "DryRun")],
                body: Array(#"{"action":"echo"}"#.utf8))
            #expect(dryRun.status == 204)
            #expect(dryRun.body.isEmpty)
            #expect(Self.hasRequestID(dryRun))
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 1)
        }
    }

    @Test func latestIsTheOneQualifierAndTheTwoWaysOfGivingOneMustAgree() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let body = Array(#"{"action":"echo"}"#.utf8)
            let latest = try await api.send(.POST, Self.path("Echo") + "?Qualifier=%24LATEST", body: body)
            #expect(latest.status == 200)

            let alias = try await api.send(.POST, Self.path("Echo%3Aprod"), body: body)
            #expect(alias.status == 404)
            #expect(
                Self.json(alias)["Message"] as? String
                    == "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Echo:prod")

            let contradicting = try await api.send(.POST, Self.path("Echo%3A%24LATEST") + "?Qualifier=prod", body: body)
            #expect(contradicting.status == 400)
            #expect(contradicting.headers["x-amzn-ErrorType"] == ["InvalidParameterValueException"])
        }
    }

    @Test func invalidParametersAreValidationErrors() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let type = try await api.send(
                .POST, Self.path("Echo"), headers: [("X-Amz-Invocation-Type", "Later")], body: Array("{}".utf8))
            #expect(type.status == 400)
            #expect(type.headers["x-amzn-ErrorType"] == ["ValidationException"])
            #expect(
                Self.json(type)["message"] as? String
                    == "1 validation error detected: Value 'Later' at 'invocationType' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [Event, RequestResponse, DryRun]")

            let name = try await api.send(.POST, Self.path("not%20a%20name"), body: Array("{}".utf8))
            #expect(name.status == 400)
            #expect(name.headers["x-amzn-ErrorType"] == ["ValidationException"])
        }
    }

    @Test func tailLogsAreAcceptedButAnsweredWithoutALogResult() async throws {
        try await RunningAPI.withInvokeAPI { api in
            let reply = try await api.send(
                .POST, Self.path("Echo"), headers: [("X-Amz-Log-Type", "Tail")], body: Array(#"{"action":"log"}"#.utf8))
            #expect(reply.status == 200)
            #expect(
                reply.headers["X-Amz-Log-Result"].isEmpty, "the local service cannot tell an invocation's log lines")
            #expect(api.log.all.first?.problem?.contains("no X-Amz-Log-Result") == true)
        }
    }
}
