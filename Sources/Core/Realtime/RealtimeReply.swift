/// What the realtime API answers a client's frame with (API.md, "Realtime").
enum RealtimeReply: Sendable, Hashable, Encodable {
    /// Every symbol the connection is now subscribed to.
    case subscribed([String])
    /// A bad message; the connection stays open.
    case error(code: String, message: String)

    private enum CodingKeys: String, CodingKey {
        case type, symbols, code, message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .subscribed(let symbols):
            try container.encode("subscribed", forKey: .type)
            try container.encode(symbols, forKey: .symbols)
        case .error(let code, let message):
            try container.encode("error", forKey: .type)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
        }
    }

    static func validationFailed(_ error: FieldError) -> RealtimeReply {
        .error(code: "validation_failed", message: "\(error.field): \(error.message)")
    }
}
