#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns an `Encodable` value into the ``JSONValue`` that `JSONEncoder` would write for it, but
/// takes each `JSONValue` inside as it is, so that its numbers keep their text: `JSONEncoder`
/// cannot write a number as given (`1.0` comes out as `1`, and `1e400` not at all).
///
/// A `Decimal` is a number, as with `JSONEncoder`; dates, data and URLs are written by their own
/// `encode(to:)`, which no ChronoView response uses.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = JSONNode()
        try root.encode(value, codingPath: [])
        return root.value
    }
}

/// A value being encoded. Containers are handed out before their members are encoded, so they
/// share the node they fill.
final class JSONNode {
    private var leaf: JSONValue?
    private var members: [String: JSONNode]?
    private var items: [JSONNode]?

    /// What was encoded; a value that encoded nothing is an empty object, as with `JSONEncoder`.
    var value: JSONValue {
        if let leaf { return leaf }
        if let items { return .array(items.map(\.value)) }
        return .object((members ?? [:]).mapValues(\.value))
    }

    var itemCount: Int { items?.count ?? 0 }

    func set(_ value: JSONValue) {
        leaf = value
        members = nil
        items = nil
    }

    /// Makes this an object, keeping the members of one already started: an object's own fields
    /// may be encoded into the same container as its frame's.
    func makeObject() {
        guard members == nil else { return }
        leaf = nil
        items = nil
        members = [:]
    }

    func makeArray() {
        guard items == nil else { return }
        leaf = nil
        members = nil
        items = []
    }

    /// A new member under `key`, replacing any before it.
    func member(_ key: String) -> JSONNode {
        makeObject()
        let node = JSONNode()
        members?[key] = node
        return node
    }

    func appendItem() -> JSONNode {
        makeArray()
        let node = JSONNode()
        items?.append(node)
        return node
    }

    /// Encodes `value` here: a `JSONValue` as it is, a `Decimal` as a number, anything else by
    /// its own `encode(to:)`.
    func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let json as JSONValue:
            set(json)
        case let decimal as Decimal:
            guard let number = JSONNumber(decimal) else {
                throw EncodingError.invalidValue(
                    decimal, EncodingError.Context(codingPath: codingPath, debugDescription: "NaN is not a JSON number")
                )
            }
            set(.number(number))
        default:
            try value.encode(to: JSONNodeEncoder(node: self, codingPath: codingPath))
        }
    }
}
