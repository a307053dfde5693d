import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs a `LambdaHandler` as a `ByteLambdaHandler`, decoding and encoding JSON.
///
/// An event that does not decode, or a result that does not encode, becomes a
/// `FunctionError` of type `Runtime.UnmarshalError` or `Runtime.MarshalError`.
public struct CodableHandlerAdapter<Handler: LambdaHandler>: ByteLambdaHandler {
    public let handler: Handler

    public init(_ handler: Handler) {
        self.handler = handler
    }

    public func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer {
        let decoded: Handler.Event
        do {
            decoded = try JSONDecoder().decode(Handler.Event.self, from: Data(event.readableBytesView))
        } catch {
            throw FunctionError.unmarshal(error)
        }
        let output = try await handler.handle(decoded, context: context)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            return ByteBuffer(bytes: try encoder.encode(output))
        } catch {
            throw FunctionError.marshal(error)
        }
    }
}
