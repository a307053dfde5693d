import FoundationEssentials
import Glibc
import LambdaEvents
import Logging
import NIOCore
import Runtime

// A function for the runtime's process-level tests, the local APIs' tests and benchmarks. `FIXTURE_MODE` picks the
// handler kind; `FIXTURE_INIT_ERROR` makes initialisation fail with that message;
// `FIXTURE_BACKGROUND` starts a background service first (see `startBackgroundService`).

struct FixtureInitError: Error, CustomStringConvertible {
    var description: String
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A JSON command: what the test wants the function to do.
struct Command: Decodable, Sendable {
    var action: String
    var payload: JSONValue?
    var milliseconds: Int?
    var bytes: Int?
    var message: String?
}

struct Reply: Encodable, Sendable {
    var echo: JSONValue?
    var requestId: String
    var traceId: String?
    var invokedFunctionArn: String
    var remainingMilliseconds: Int64
    var functionName: String
    var padding: String?
}

struct CommandHandler: LambdaHandler {
    let functionName: String

    func handle(_ command: Command, context: LambdaContext) async throws -> Reply {
        switch command.action {
        case "throw":
            throw FixtureError(description: command.message ?? "asked to fail")
        case "crash":
            context.logger.info("crashing as asked")
            exit(3)
        case "sleep":
            try await Task.sleep(for: .milliseconds(command.milliseconds ?? 0))
        case "log":
            context.logger.info("\(command.message ?? "hello")", metadata: ["fixture": "log"])
        default:
            break
        }
        return Reply(
            echo: command.payload,
            requestId: context.requestID,
            traceId: LambdaEnvironment.variable("_X_AMZN_TRACE_ID"),
            invokedFunctionArn: context.invokedFunctionARN,
            remainingMilliseconds: context.remainingTime.components.seconds * 1000
                + context.remainingTime.components.attoseconds / 1_000_000_000_000_000,
            functionName: functionName,
            padding: command.bytes.map { String(repeating: "x", count: $0) }
        )
    }
}

/// Echoes an HTTP API request back: method, path, headers, and the body as base64 bytes.
struct HTTPEchoHandler: LambdaHandler {
    func handle(_ request: APIGatewayV2Request, context: LambdaContext) async throws -> APIGatewayV2Response {
        guard let body = request.bodyBytes else {
            return APIGatewayV2Response(statusCode: 400, body: "body is not valid base64")
        }
        return APIGatewayV2Response(
            statusCode: 200,
            headers: [
                "content-type": "application/octet-stream",
                "x-method": request.requestContext.http.method,
                "x-path": request.rawPath,
                "x-query": request.rawQueryString,
            ],
            binaryBody: body
        )
    }
}

/// Plays a WebSocket API's function: prints each event on one line (`websocket-event <json>`)
/// for the tests to read; refuses `$connect` with the `status` query parameter's code, the
/// event as the body; answers a message with the event, or fails on the message `throw`.
struct WebSocketEchoHandler: LambdaHandler {
    func handle(
        _ event: APIGatewayWebSocketRequest, context: LambdaContext
    ) async throws -> APIGatewayWebSocketResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(event), as: UTF8.self)
        print("websocket-event \(json)")
        fflush(nil)
        if event.body == "throw" { throw FixtureError(description: "asked to fail") }
        let status = event.queryStringParameters?["status"].flatMap { Int($0) } ?? 200
        return APIGatewayWebSocketResponse(statusCode: status, body: json)
    }
}

/// Returns the event's bytes unchanged: the cheapest possible function.
struct ByteEchoHandler: ByteLambdaHandler {
    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer {
        event
    }
}

/// Runs a service for the environment's life, as a function's database pool runs: `until-cancelled`
/// ends only when cancelled, as a pool does; `ignoring-cancellation` never ends at all.
func startBackgroundService(_ kind: String?, in context: LambdaInitializationContext) {
    switch kind {
    case "until-cancelled":
        context.runInBackground { try? await Task.sleep(for: .seconds(86_400)) }
    case "ignoring-cancellation":
        // Never resumed, and no cancellation handler: nothing but the process's end stops it.
        context.runInBackground { await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in } }
    default:
        break
    }
}

let mode = LambdaEnvironment.variable("FIXTURE_MODE") ?? "json"
let initError = LambdaEnvironment.variable("FIXTURE_INIT_ERROR")
let backgroundService = LambdaEnvironment.variable("FIXTURE_BACKGROUND")

switch mode {
case "http":
    LambdaRuntime.run { _ in
        if let initError { throw FixtureInitError(description: initError) }
        return HTTPEchoHandler()
    }
case "bytes":
    LambdaRuntime.run { _ in ByteEchoHandler() }
case "websocket":
    LambdaRuntime.run { _ in WebSocketEchoHandler() }
default:
    LambdaRuntime.run { context in
        startBackgroundService(backgroundService, in: context)
        if let initError { throw FixtureInitError(description: initError) }
        return CommandHandler(functionName: context.environment.functionName)
    }
}
