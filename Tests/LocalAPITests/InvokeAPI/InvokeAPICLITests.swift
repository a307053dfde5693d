import Foundation
import LocalHarness
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Lambda's Invoke API as the AWS CLI sees it: `aws lambda invoke --endpoint-url` against real
/// function processes, through the CLI's own parsing of our answers.
@Suite struct InvokeAPICLITests {
    static let echo = #"{"action":"echo","payload":{"a":"b"}}"#

    @Test func theFunctionIsFoundByNameLogicalIDAndARN() async throws {
        let cli = try AWSCLI()
        try await RunningAPI.withInvokeAPI { api in
            for function in [
                "Echo", "EchoFunction", "arn:aws:lambda:us-east-1:123456789012:function:Echo",
                "arn:aws:lambda:us-east-1:123456789012:function:EchoFunction:$LATEST",
                "123456789012:function:Echo", "Echo:$LATEST",
            ] {
                let invocation = try await cli.invoke(endpoint: api.baseURL, function: function, payload: Self.echo)
                #expect(invocation.status == .exited(0), "\(function): \(invocation.errors)")
                #expect(invocation.fields["StatusCode"] as? Int == 200, "\(function)")
                #expect(invocation.fields["ExecutedVersion"] as? String == "$LATEST", "\(function)")
                #expect(invocation.fields["FunctionError"] == nil, "\(function)")
                #expect(invocation.payloadFields["echo"] as? [String: String] == ["a": "b"], "\(function)")
                #expect(invocation.payloadFields["functionName"] as? String == "Echo", "\(function)")
            }
        }
    }

    @Test func aFunctionErrorIsAnUnhandledFunctionErrorWithTheErrorDocument() async throws {
        let cli = try AWSCLI()
        try await RunningAPI.withInvokeAPI { api in
            let invocation = try await cli.invoke(
                endpoint: api.baseURL, function: "Echo", payload: #"{"action":"throw","message":"boom"}"#)
            #expect(
                invocation.status == .exited(0), "a function error is the invocation's outcome, not the CLI's failure")
            #expect(invocation.fields["StatusCode"] as? Int == 200)
            #expect(invocation.fields["FunctionError"] as? String == "Unhandled")
            #expect(invocation.payloadFields["errorType"] as? String == "FixtureError")
            #expect(invocation.payloadFields["errorMessage"] as? String == "boom")
        }
    }

    @Test func anUnknownFunctionIsTheCLIsResourceNotFoundException() async throws {
        let cli = try AWSCLI()
        try await RunningAPI.withInvokeAPI { api in
            let invocation = try await cli.invoke(endpoint: api.baseURL, function: "Nope", payload: Self.echo)
            #expect(invocation.status != .exited(0))
            #expect(
                invocation.errors.contains(
                    "An error occurred (ResourceNotFoundException) when calling the Invoke operation: "
                        + "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope"),
                "\(invocation.errors)")
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 0)
        }
    }

    @Test func anEventInvocationIsAcceptedAndThenRunsInTheBackground() async throws {
        let cli = try AWSCLI()
        try await RunningAPI.withInvokeAPI { api in
            let invocation = try await cli.invoke(
                endpoint: api.baseURL, function: "EchoFunction", payload: #"{"action":"sleep","milliseconds":200}"#,
                options: ["--invocation-type", "Event"])
            #expect(invocation.status == .exited(0), "\(invocation.errors)")
            #expect(invocation.fields["StatusCode"] as? Int == 202)
            #expect(invocation.payload.isEmpty)
            // The background invocation logs itself when it ends.
            let ran = try await api.eventually {
                api.log.all.contains { $0.functionName == "Echo" && $0.status == 202 && $0.problem == nil }
            }
            #expect(ran)
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 1)
        }
    }

    @Test func aDryRunIsCheckedButNotRun() async throws {
        let cli = try AWSCLI()
        try await RunningAPI.withInvokeAPI { api in
            let invocation = try await cli.invoke(
                endpoint: api.baseURL, function: "Echo", payload: Self.echo, options: ["--invocation-type", "DryRun"])
            #expect(invocation.status == .exited(0), "\(invocation.errors)")
            #expect(invocation.fields["StatusCode"] as? Int == 204)
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 0)

            let unknown = try await cli.invoke(
                endpoint: api.baseURL, function: "Nope", options: ["--invocation-type", "DryRun"])
            #expect(unknown.errors.contains("(ResourceNotFoundException)"), "a dry run still looks the function up")
        }
    }

    @Test func serveAnswersTheInvokeAPIOnItsLambdaPort() async throws {
        let cli = try AWSCLI()
        let folder = try FixtureFolder()
        defer { folder.remove() }
        try folder.linkRuntimeFixture(as: "Echo")
        try folder.linkRuntimeFixture(as: "Bytes")
        try RunningAPI.invokeTemplate.write(toFile: "\(folder.path)/template.yaml", atomically: true, encoding: .utf8)
        let output = "\(folder.path)/output.txt"
        try #require(FileManager.default.createFile(atPath: output, contents: nil))

        let process = try await ServeProcess.start(
            template: "\(folder.path)/template.yaml", buildPath: folder.path,
            databaseURL: "postgres://nobody@127.0.0.1:1/none", output: output)
        try await process.whileRunning {
            // The banner comes whole, once both servers listen.
            _ = try await ServeProcess.waitForURL(in: output, process: process)
            let banner = try String(contentsOfFile: output, encoding: .utf8)
            let match = try #require(banner.firstMatch(of: /Lambda Invoke API on (http:\/\/127\.0\.0\.1:\d+)/))
            let endpoint = String(match.1)
            #expect(banner.contains("(aws lambda invoke --endpoint-url \(endpoint) --function-name "))

            let invocation = try await cli.invoke(endpoint: endpoint, function: "EchoFunction", payload: Self.echo)
            #expect(invocation.fields["StatusCode"] as? Int == 200, "\(invocation.errors)")
            #expect(invocation.payloadFields["echo"] as? [String: String] == ["a": "b"])

            process.signal(SIGTERM)
            let status = await process.exit(within: .seconds(15))
            #expect(status == .exited(0), "serve did not stop cleanly within 15 seconds on SIGTERM")
            let log = try String(contentsOfFile: output, encoding: .utf8)
            #expect(log.contains("POST /2015-03-31/functions/EchoFunction/invocations → Echo 200 "))
        }
    }
}
