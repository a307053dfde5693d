/// The `Encoder` behind ``JSONValueEncoder``, and its containers, each writing into a ``JSONNode``.
struct JSONNodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }

    /// An object's members. Its generic `encode` stands for every primitive one too: a member's
    /// value goes through the node's `encode`, which reaches `SingleValueContainer`'s.
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: JSONNode
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) {
            node.member(key.stringValue).set(.null)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.member(key.stringValue).encode(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            JSONNodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
                .container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            JSONNodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            JSONNodeEncoder(node: node.member("super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            JSONNodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
        }
    }

    /// An array's items, each encoded like an object's member.
    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: JSONNode
        let codingPath: [any CodingKey]
        var count: Int { node.itemCount }

        mutating func encodeNil() {
            node.appendItem().set(.null)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try node.appendItem().encode(value, codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            JSONNodeEncoder(node: node.appendItem(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            JSONNodeEncoder(node: node.appendItem(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            JSONNodeEncoder(node: node.appendItem(), codingPath: codingPath)
        }
    }

    /// Where every primitive ends up.
    struct SingleValueContainer: SingleValueEncodingContainer {
        let node: JSONNode
        let codingPath: [any CodingKey]

        mutating func encodeNil() { node.set(.null) }
        mutating func encode(_ value: Bool) { node.set(.bool(value)) }
        mutating func encode(_ value: String) { node.set(.string(value)) }
        mutating func encode(_ value: Double) throws { node.set(try number(value)) }
        mutating func encode(_ value: Float) throws { node.set(try number(value)) }
        mutating func encode(_ value: Int) { node.set(number(value)) }
        mutating func encode(_ value: Int8) { node.set(number(value)) }
        mutating func encode(_ value: Int16) { node.set(number(value)) }
        mutating func encode(_ value: Int32) { node.set(number(value)) }
        mutating func encode(_ value: Int64) { node.set(number(value)) }
        mutating func encode(_ value: UInt) { node.set(number(value)) }
        mutating func encode(_ value: UInt8) { node.set(number(value)) }
        mutating func encode(_ value: UInt16) { node.set(number(value)) }
        mutating func encode(_ value: UInt32) { node.set(number(value)) }
        mutating func encode(_ value: UInt64) { node.set(number(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try node.encode(value, codingPath: codingPath)
        }

        private func number(_ value: some BinaryInteger) -> JSONValue {
            .number(JSONNumber(checkedText: String(value)))
        }

        /// As `JSONEncoder` writes it: the shortest text that reads back, without a `.0` (`1e-05`, `100`).
        private func number(_ value: some BinaryFloatingPoint & LosslessStringConvertible) throws -> JSONValue {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            guard value.isFinite, let number = JSONNumber(text) else {
                throw EncodingError.invalidValue(
                    value,
                    EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a JSON number"))
            }
            return .number(number)
        }
    }
}
