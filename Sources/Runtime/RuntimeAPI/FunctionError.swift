import NIOCore

/// An error reported to the Runtime API: `{"errorMessage", "errorType", "stackTrace"}`,
/// with the type repeated in the `Lambda-Runtime-Function-Error-Type` header.
public struct FunctionError: Error, Sendable, Hashable {
    public var errorType: String
    public var errorMessage: String

    public init(errorType: String, errorMessage: String) {
        // The type travels in a header: keep it to visible ASCII.
        self.errorType = String(errorType.unicodeScalars.filter { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
        self.errorMessage = errorMessage
    }

    /// Describes any thrown error; a `FunctionError` is passed through unchanged.
    public init(_ error: any Error) {
        if let error = error as? FunctionError {
            self = error
        } else {
            self.init(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }

    /// The event could not be decoded into the handler's event type.
    static func unmarshal(_ error: any Error) -> FunctionError {
        FunctionError(errorType: "Runtime.UnmarshalError", errorMessage: "could not decode the event: \(error)")
    }

    /// The handler's result could not be encoded.
    static func marshal(_ error: any Error) -> FunctionError {
        FunctionError(errorType: "Runtime.MarshalError", errorMessage: "could not encode the result: \(error)")
    }

    func jsonBody() -> ByteBuffer {
        var json = JSONWriter()
        json.beginObject()
        json.key("errorMessage")
        json.string(errorMessage)
        json.key("errorType")
        json.string(errorType)
        json.key("stackTrace")
        json.raw("[]")
        json.endObject()
        return ByteBuffer(string: json.output)
    }
}
