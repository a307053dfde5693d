import NIOCore

/// Plays the Lambda service's `Invoke` API (`POST /2015-03-31/functions/{FunctionName}/invocations`)
/// over the local Lambda service, as `sam local start-lambda` does: the AWS CLI and SDKs, given
/// ``InvokeAPIServer``'s URL as their endpoint, invoke the template's functions on this machine.
///
/// - `FunctionName` is a function's name, its logical id in the template, or an ARN or partial
///   ARN ending in either; `$LATEST` is the one version there is.
/// - `X-Amz-Invocation-Type`: `RequestResponse` (the default) answers 200 with the function's
///   payload, or with its error document and `X-Amz-Function-Error: Unhandled`; `Event` answers
///   202 and invokes in the background, once (Lambda would retry a failed event twice);
///   `DryRun` checks the request and answers 204.
/// - `X-Amz-Log-Type: Tail` is accepted, but no `X-Amz-Log-Result` comes back: the local
///   service hands on the functions' output line by line without saying which invocation
///   wrote it; the output goes to the service's output handler instead.
/// - Refusals are the Lambda service's errors (`ResourceNotFoundException`,
///   `InvalidRequestContentException`, `RequestTooLargeException`...), named in
///   `x-amzn-ErrorType`; every response names its request in `x-amzn-RequestId`, the
///   function's own request id when it ran.
/// - An invocation past a function's environment ceiling waits for an environment, as the
///   local service queues it, where Lambda would answer 429 past a reserved concurrency.
public struct InvokeAPIService: Sendable {
    public var invoker: any FunctionInvoker
    /// The region and account of the ARNs in the service's errors.
    public var configuration: LocalLambda.Configuration
    /// Receives one entry per request; for an `Event` invocation, when the invocation ends.
    public var log: @Sendable (RequestLogEntry) -> Void
    /// Each function's name, under every name a caller may use for it.
    private var functionNames: [String: String] = [:]

    /// - Parameter functions: the functions to serve, which `invoker` knows by their names.
    public init(
        functions: [TemplateFunction],
        invoker: any FunctionInvoker,
        configuration: LocalLambda.Configuration = LocalLambda.Configuration(),
        log: @escaping @Sendable (RequestLogEntry) -> Void = { _ in }
    ) {
        self.invoker = invoker
        self.configuration = configuration
        self.log = log
        // Names last, so that a name wins over another function's logical id of the same spelling.
        for function in functions { functionNames[function.logicalID] = function.name }
        for function in functions { functionNames[function.name] = function.name }
    }

    /// A response, and for an `Event` invocation the invocation itself, to run beside the server.
    struct Answer: Sendable {
        var response: GatewayResponse
        var eventInvocation: (@Sendable () async -> Void)?
    }

    /// Answers one request as Lambda would.
    func respond(to request: GatewayRequest) async -> Answer {
        let start = ContinuousClock.now
        var entry = Self.entry(for: request)
        let response: GatewayResponse
        do throws(LambdaServiceError) {
            let invoke = try InvokeRequest(request, functionNames: functionNames, configuration: configuration)
            entry.functionName = invoke.functionName
            switch invoke.invocationType {
            case .requestResponse:
                response = await self.invoke(invoke, entry: &entry)
                if invoke.logType == .tail { entry.note("X-Amz-Log-Type Tail: no X-Amz-Log-Result locally") }
            case .event:
                let accepted = finished(GatewayResponse(status: 202), entry: &entry, start: start)
                let queued = entry
                let eventInvocation: @Sendable () async -> Void = {
                    var entry = queued
                    // Nobody waits for the answer: the log has what it says.
                    _ = await self.invoke(invoke, entry: &entry)
                    entry.duration = ContinuousClock.now - start
                    log(entry)
                }
                return Answer(response: accepted, eventInvocation: eventInvocation)
            case .dryRun:
                response = GatewayResponse(status: 204)
            }
        } catch {
            response = error.response
        }
        let answered = finished(response, entry: &entry, start: start)
        log(entry)
        return Answer(response: answered)
    }

    /// Answers a request whose payload was over the synchronous limit, unread.
    func respondToOversizedRequest(_ request: GatewayRequest, bodySize: Int) -> GatewayResponse {
        let start = ContinuousClock.now
        var entry = Self.entry(for: request)
        let invocationType = request.headers["X-Amz-Invocation-Type"].flatMap(InvocationType.init) ?? .requestResponse
        let response = finished(
            InvokeRequest.tooLarge(bytes: bodySize, for: invocationType).response, entry: &entry, start: start)
        log(entry)
        return response
    }

    /// A request's log entry, under a request id of its own until a function's invocation has one.
    private static func entry(for request: GatewayRequest) -> RequestLogEntry {
        RequestLogEntry(
            method: request.method, path: request.rawPath, functionName: nil, status: 0, duration: .zero,
            requestID: RandomIdentifiers.requestID())
    }

    /// Names the request in the response, and completes its log entry.
    private func finished(
        _ response: GatewayResponse, entry: inout RequestLogEntry, start: ContinuousClock.Instant
    ) -> GatewayResponse {
        var response = response
        response.headers.append("x-amzn-RequestId", entry.requestID)
        entry.status = response.status
        entry.duration = ContinuousClock.now - start
        return response
    }

    /// Invokes the function and words the outcome as `Invoke` answers it, noting it in `entry`.
    private func invoke(_ request: InvokeRequest, entry: inout RequestLogEntry) async -> GatewayResponse {
        let result: InvocationResult
        do {
            result = try await invoker.invoke(request.functionName, payload: request.payload)
        } catch let error as SpawnError {
            // Lambda answers an environment it cannot start as the function's error.
            entry.note("\(error)")
            let document = LambdaErrorPayload(
                errorType: "Runtime.InvalidEntrypoint", errorMessage: "RequestId: \(entry.requestID) Error: \(error)")
            return Self.functionResponse(payload: document.json, failed: true)
        } catch LocalLambdaError.unknownFunction(let name) {
            return LambdaServiceError.resourceNotFound(
                functionARN: "arn:aws:lambda:\(configuration.region):\(configuration.accountID):function:\(name)"
            ).response
        } catch {
            entry.note("the invocation failed: \(error)")
            return LambdaServiceError.service("The local Lambda service could not invoke the function: \(error)")
                .response
        }
        entry.requestID = result.report.requestID
        entry.initDuration = result.report.initDuration
        if let errorType = result.errorType { entry.note("function error \(errorType)") }
        return Self.functionResponse(payload: result.payload, failed: result.errorType != nil)
    }

    /// A synchronous invocation's answer: 200 whatever the function did. Lambda calls every
    /// error a runtime reports `Unhandled`, whichever way the function failed.
    private static func functionResponse(payload: ByteBuffer, failed: Bool) -> GatewayResponse {
        var headers: HTTPHeaderList = [("Content-Type", "application/json"), ("X-Amz-Executed-Version", "$LATEST")]
        if failed { headers.append("X-Amz-Function-Error", "Unhandled") }
        return GatewayResponse(status: 200, headers: headers, body: Array(buffer: payload))
    }
}

extension RequestLogEntry {
    /// Adds to what the entry says went wrong, or is worth knowing.
    fileprivate mutating func note(_ text: String) {
        problem = problem.map { "\($0); \(text)" } ?? text
    }
}
