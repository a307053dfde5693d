import Foundation
import NIOCore

/// The bytes a gateway hands a function: its event as JSON, slashes unescaped as API Gateway
/// writes them (a path reads `/api/charts`, not `\/api\/charts`).
enum IntegrationPayload {
    static func encode(_ event: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return ByteBuffer(bytes: try encoder.encode(event))
    }
}
