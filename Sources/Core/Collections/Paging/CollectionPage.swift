/// One page of a listing: `{items, next_cursor}`, where `next_cursor` is `null` on the page that
/// holds the last object.
public struct CollectionPage<Fields: Encodable & Sendable>: Sendable, Encodable {
    public var items: [OwnedObject<Fields>]
    public var nextCursor: PageCursor?

    public init(items: [OwnedObject<Fields>], nextCursor: PageCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        // Written as null rather than left out: the contract lists the key on every page.
        if let nextCursor {
            try container.encode(nextCursor.text, forKey: .nextCursor)
        } else {
            try container.encodeNil(forKey: .nextCursor)
        }
    }
}
