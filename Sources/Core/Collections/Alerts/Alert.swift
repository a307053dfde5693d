/// A price alert's own fields: `{symbol, condition, price, note, status, triggered_at}`.
public struct Alert: Sendable, Hashable, Encodable {
    public var symbol: String
    /// `above` or `below`.
    public var condition: String
    /// The price as stored, digits exactly as given (`"212.50"`).
    public var price: String
    public var note: String
    public var status: AlertStatus
    /// When the system triggered the alert; `nil` until then (and again once the client re-arms it).
    public var triggeredAt: Timestamp?

    public init(
        symbol: String, condition: String, price: String, note: String, status: AlertStatus, triggeredAt: Timestamp?
    ) {
        self.symbol = symbol
        self.condition = condition
        self.price = price
        self.note = note
        self.status = status
        self.triggeredAt = triggeredAt
    }

    enum CodingKeys: String, CodingKey {
        case symbol, condition, price, note, status
        case triggeredAt = "triggered_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(condition, forKey: .condition)
        try container.encode(price, forKey: .price)
        try container.encode(note, forKey: .note)
        try container.encode(status, forKey: .status)
        // Always present, null until the alert fires.
        if let triggeredAt {
            try container.encode(triggeredAt, forKey: .triggeredAt)
        } else {
            try container.encodeNil(forKey: .triggeredAt)
        }
    }
}
