/// How log lines are written, following the function's `AWS_LAMBDA_LOG_FORMAT`.
public enum LambdaLogFormat: Sendable, Hashable {
    /// `timestamp<TAB>requestId<TAB>LEVEL<TAB>message`, as Lambda's managed runtimes write.
    case text
    /// One JSON object a line: `timestamp`, `level`, `message`, `requestId`, and the metadata.
    case json

    /// `JSON` (any case) selects JSON; anything else is text.
    public init(environmentValue: String?) {
        self = environmentValue?.uppercased() == "JSON" ? .json : .text
    }
}
