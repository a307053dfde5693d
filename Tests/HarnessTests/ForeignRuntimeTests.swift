import Foundation
import LocalHarness
import NIOCore
import Testing

/// The emulator with a Runtime API client that is not ours (a Python script speaking HTTP), as
/// `chronoview-local invoke --command` runs one: the environment it gets, and the status codes
/// of the Runtime API.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
struct ForeignRuntimeTests {
    /// Reports its environment at start-up, then for each invocation probes the Runtime API's
    /// answers to misuse and reports the status codes.
    static let script = #"""
        import http.client, json, os, sys
        names = ["AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
                 "AWS_REGION", "AWS_DEFAULT_REGION", "LAMBDA_TASK_ROOT", "_HANDLER", "AWS_LAMBDA_LOG_GROUP_NAME",
                 "AWS_LAMBDA_LOG_STREAM_NAME", "TZ", "CHART_COLOUR", "AWS_LAMBDA_INITIALIZATION_TYPE"]
        print("ENV " + json.dumps({name: os.environ.get(name) for name in names} | {"cwd": os.getcwd()}), flush=True)
        host, _, prefix = os.environ["AWS_LAMBDA_RUNTIME_API"].partition("/")
        base = "/" + prefix + "/2018-06-01/runtime/"
        connection = http.client.HTTPConnection(host)
        def call(method, path, body=None):
            connection.request(method, base + path, body=body)
            response = connection.getresponse()
            return response.status, response.getheader("Lambda-Runtime-Aws-Request-Id"), response.read()
        while True:
            status, request_id, event = call("GET", "invocation/next")
            statuses = {"next": status}
            statuses["unknownId"] = call("POST", "invocation/not-a-request/response", b"{}")[0]
            statuses["initErrorAfterInit"] = call("POST", "init/error", b"{}")[0]
            statuses["oversized"] = call("POST", "invocation/%s/response" % request_id, b"x" * (6291456 + 1))[0]
            statuses["answeredAgain"] = call("POST", "invocation/%s/response" % request_id, b"{}")[0]
            print("STATUS " + json.dumps(statuses), flush=True)
        """#

    static func function() -> FunctionDefinition {
        FunctionDefinition(
            name: "Foreign",
            executablePath: "/usr/bin/python3",
            arguments: ["-c", script],
            environment: ["CHART_COLOUR": "green", "AWS_REGION": "mars-north-1", "TZ": "Europe/Paris"],
            memorySizeMB: 256,
            handler: "main.handler"
        )
    }

    @Test func environmentHasLambdasStandardVariablesAndTheFunctionsOwn() async throws {
        let lines = OutputLineCollector()
        let configuration = LocalLambda.Configuration(region: "eu-west-1")
        try await withLocalLambda(
            functions: [Self.function()], configuration: configuration, logger: FixtureFunction.quietLogger,
            outputHandler: lines.handler
        ) { lambda in
            _ = try await lambda.invoke("Foreign", payload: ByteBuffer(string: "{}"))
            let line = try #require(await lines.firstLine { $0.text.hasPrefix("ENV ") })
            let environment = try #require(
                try JSONSerialization.jsonObject(with: Data(line.text.dropFirst(4).utf8)) as? [String: String])
            #expect(environment["AWS_LAMBDA_FUNCTION_NAME"] == "Foreign")
            #expect(environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256")
            #expect(environment["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST")
            #expect(environment["AWS_REGION"] == "eu-west-1", "reserved: the function cannot override it")
            #expect(environment["AWS_DEFAULT_REGION"] == "eu-west-1")
            #expect(environment["LAMBDA_TASK_ROOT"] == "/usr/bin")
            #expect(environment["cwd"] == "/usr/bin")
            #expect(environment["_HANDLER"] == "main.handler")
            #expect(environment["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/Foreign")
            #expect(environment["AWS_LAMBDA_LOG_STREAM_NAME"]?.contains("/[$LATEST]") == true)
            #expect(environment["TZ"] == ":UTC")
            #expect(environment["CHART_COLOUR"] == "green")
            #expect(environment["AWS_LAMBDA_INITIALIZATION_TYPE"] == "on-demand")
        }
    }

    @Test func runtimeAPIAnswersMisuseWithLambdasStatusCodes() async throws {
        let lines = OutputLineCollector()
        try await withLocalLambda(
            functions: [Self.function()], logger: FixtureFunction.quietLogger, outputHandler: lines.handler
        ) { lambda in
            let result = try await lambda.invoke("Foreign", payload: ByteBuffer(string: "{}"))
            #expect(result.errorType == "Function.ResponseSizeTooLarge")
            let line = try #require(await lines.firstLine { $0.text.hasPrefix("STATUS ") })
            let statuses = try #require(
                try JSONSerialization.jsonObject(with: Data(line.text.dropFirst(7).utf8)) as? [String: Int])
            #expect(
                statuses == [
                    "next": 200, "unknownId": 400, "initErrorAfterInit": 403, "oversized": 413, "answeredAgain": 400,
                ])
        }
    }
}
