/// A line a function's process wrote to its standard output or error: Lambda makes each such
/// line a log event of the function's log stream.
public struct FunctionOutputLine: Sendable, Hashable {
    /// Which of the process's outputs the line came from.
    public enum Stream: Sendable, Hashable {
        case standardOutput
        case standardError
    }

    /// The function whose environment wrote the line.
    public var functionName: String
    /// The execution environment that wrote the line.
    public var environmentID: String
    public var stream: Stream
    /// The line, without its line break.
    public var text: String

    /// A line, as the service hands it to the output handler.
    public init(functionName: String, environmentID: String, stream: Stream, text: String) {
        self.functionName = functionName
        self.environmentID = environmentID
        self.stream = stream
        self.text = text
    }
}
