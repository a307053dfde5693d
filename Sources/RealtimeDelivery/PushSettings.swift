import AWSSigning
import Core

/// What the `Push` function reads from its environment.
public struct PushSettings: Sendable, Hashable {
    /// `WEBSOCKET_MANAGEMENT_ENDPOINT`: the WebSocket API stage's URL, whose `@connections` the
    /// messages go through.
    public var managementEndpoint: String
    /// `REALTIME_FUNCTION_NAME`: the function told of connections API Gateway answered 410 for;
    /// `nil` leaves them to its sweep.
    public var realtimeFunction: String?
    /// `PUSH_CONCURRENCY`: connections sent to at once (100 by default).
    public var concurrency: Int
    /// `PUSH_TIMEOUT_MS`: the longest one message may take (2,000 by default).
    public var timeoutMilliseconds: Int
    /// `AWS_ENDPOINT_URL_LAMBDA`, or Lambda's regional endpoint.
    public var lambdaEndpoint: String
    /// `AWS_REGION`: the API's and the functions' region, which requests are signed for.
    public var region: String
    /// The function role's, allowed `execute-api:ManageConnections` and to invoke `Realtime`.
    public var credentials: AWSCredentials

    public static func read(_ environment: EnvironmentVariables) throws(ConfigurationError) -> PushSettings {
        let region = try environment.awsRegion()
        return PushSettings(
            managementEndpoint: try environment.httpURL("WEBSOCKET_MANAGEMENT_ENDPOINT"),
            realtimeFunction: environment["REALTIME_FUNCTION_NAME"],
            concurrency: try environment.integer("PUSH_CONCURRENCY", in: 1...1_000, default: 100),
            timeoutMilliseconds: try environment.integer("PUSH_TIMEOUT_MS", in: 100...30_000, default: 2_000),
            lambdaEndpoint: try environment.awsEndpoint(service: "lambda", region: region),
            region: region,
            credentials: try environment.awsCredentials()
        )
    }
}
