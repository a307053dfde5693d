#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The execution environment's settings, as Lambda sets them in the process environment.
public struct LambdaEnvironment: Sendable, Hashable {
    public var functionName: String
    public var functionVersion: String
    public var memorySizeMB: Int
    public var logGroupName: String
    public var logStreamName: String
    public var region: String

    /// Reads the standard Lambda variables; absent ones are empty (or 128 MB).
    public init() {
        functionName = Self.variable("AWS_LAMBDA_FUNCTION_NAME") ?? ""
        functionVersion = Self.variable("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST"
        memorySizeMB = Self.variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").flatMap { Int($0) } ?? 128
        logGroupName = Self.variable("AWS_LAMBDA_LOG_GROUP_NAME") ?? ""
        logStreamName = Self.variable("AWS_LAMBDA_LOG_STREAM_NAME") ?? ""
        region = Self.variable("AWS_REGION") ?? Self.variable("AWS_DEFAULT_REGION") ?? ""
    }

    /// One environment variable, or `nil` when it is unset.
    public static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
