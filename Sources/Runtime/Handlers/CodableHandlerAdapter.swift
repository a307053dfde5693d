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
    // Made once per execution environment rather than once per invocation.
    private let decoder = JSONDecoder()
    private let encoder: JSONEncoder

    public init(_ handler: Handler) {
        self.handler = handler
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        self.encoder = encoder
    }

    public func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer {
        let decoded: Handler.Event
        do {
            decoded = try decoder.decode(Handler.Event.self, from: Data(event.readableBytesView))
        } catch {
            throw FunctionError.unmarshal(error)
        }
        let output = try await handler.handle(decoded, context: context)
        do {
            return ByteBuffer(bytes: try encoder.encode(output))
        } catch {
            throw FunctionError.marshal(error)
        }
    }
}
