import Foundation
import NIOCore

/// The error document Lambda and its runtimes exchange: `{"errorMessage": ..., "errorType": ...}`.
struct LambdaErrorPayload: Codable, Sendable, Hashable {
    var errorType: String?
    var errorMessage: String?

    init(errorType: String, errorMessage: String) {
        self.errorType = errorType
        self.errorMessage = errorMessage
    }

    /// Reads an error document a runtime posted; `nil` when the body is not one.
    init?(json: ByteBuffer) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(json.readableBytesView)) else {
            return nil
        }
        self = decoded
    }

    var json: ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding two optional strings cannot fail.
        return ByteBuffer(bytes: try! encoder.encode(self))
    }
}
