import NIOHTTP1

/// What the Runtime API says about one invocation in the headers of `GET /runtime/invocation/next`.
public struct InvocationMetadata: Sendable, Hashable {
    public var requestID: String
    /// When the function times out, in milliseconds since the Unix epoch.
    public var deadlineMilliseconds: Int64
    public var invokedFunctionARN: String
    /// The X-Ray tracing header, when tracing is on.
    public var traceID: String?
    /// JSON sent by AWS Mobile SDK clients.
    public var clientContext: String?
    /// JSON describing the Amazon Cognito identity of AWS Mobile SDK callers.
    public var cognitoIdentity: String?

    public init(
        requestID: String,
        deadlineMilliseconds: Int64,
        invokedFunctionARN: String,
        traceID: String? = nil,
        clientContext: String? = nil,
        cognitoIdentity: String? = nil
    ) {
        self.requestID = requestID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
    }

    init(headers: HTTPHeaders) throws(RuntimeError) {
        guard let requestID = headers.first(name: "lambda-runtime-aws-request-id"), !requestID.isEmpty else {
            throw .invalidInvocation("missing Lambda-Runtime-Aws-Request-Id")
        }
        guard let deadlineText = headers.first(name: "lambda-runtime-deadline-ms"),
            let deadline = Int64(deadlineText)
        else {
            throw .invalidInvocation("missing or malformed Lambda-Runtime-Deadline-Ms")
        }
        self.init(
            requestID: requestID,
            deadlineMilliseconds: deadline,
            invokedFunctionARN: headers.first(name: "lambda-runtime-invoked-function-arn") ?? "",
            traceID: headers.first(name: "lambda-runtime-trace-id"),
            clientContext: headers.first(name: "lambda-runtime-client-context"),
            cognitoIdentity: headers.first(name: "lambda-runtime-cognito-identity")
        )
    }
}
