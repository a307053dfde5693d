import LambdaEvents

/// What a client asks of the realtime API in a text frame (API.md, "Realtime"):
/// `{"action": "subscribe" | "unsubscribe", "symbols": [...]}`.
public struct RealtimeRequest: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        case subscribe
        case unsubscribe
    }

    /// At most this many symbols per connection, and so per message.
    public static let maximumSymbols = 50

    public var action: Action
    /// Upper-cased and without repeats, in the order given.
    public var symbols: [String]

    /// Reads a frame's text, or says what is wrong with it.
    public init(text: String) throws(FieldError) {
        guard let value = try? JSONValue(parsing: Array(text.utf8)), case .object(let members) = value else {
            throw FieldError(field: "body", code: "invalid", message: "must be a JSON object")
        }
        guard let actionValue = members["action"] else { throw .required("action") }
        let actionText = try actionValue.string(field: "action")
        guard let action = Action(rawValue: actionText) else {
            throw FieldError(field: "action", code: "invalid", message: "must be subscribe or unsubscribe")
        }
        guard let symbolsValue = members["symbols"] else { throw .required("symbols") }
        guard case .array(let items) = symbolsValue else { throw .invalidType("symbols", expected: "an array") }
        guard items.count <= Self.maximumSymbols else {
            throw FieldError(
                field: "symbols", code: "too_long", message: "must hold at most \(Self.maximumSymbols) symbols")
        }
        var symbols: [String] = []
        for (index, item) in items.enumerated() {
            let symbol = try Symbol.parse(item, field: "symbols[\(index)]")
            if !symbols.contains(symbol) { symbols.append(symbol) }
        }
        self.action = action
        self.symbols = symbols
    }
}
