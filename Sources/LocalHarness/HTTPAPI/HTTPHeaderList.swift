/// One header line as it crossed the wire.
public struct HTTPHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Header lines in their order, repeats kept: what API Gateway sees before it folds them.
public struct HTTPHeaderList: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var fields: [HTTPHeaderField]

    public init(_ fields: [HTTPHeaderField] = []) {
        self.fields = fields
    }

    public init(arrayLiteral elements: (String, String)...) {
        fields = elements.map { HTTPHeaderField(name: $0.0, value: $0.1) }
    }

    /// All values of a header, in order, by case-insensitive name.
    public func values(_ name: String) -> [String] {
        let name = name.lowercased()
        return fields.filter { $0.name.lowercased() == name }.map(\.value)
    }

    /// The values of a header joined by commas, as API Gateway's payload 2.0 folds repeated headers.
    public subscript(name: String) -> String? {
        let values = values(name)
        return values.isEmpty ? nil : values.joined(separator: ",")
    }

    public mutating func append(_ name: String, _ value: String) {
        fields.append(HTTPHeaderField(name: name, value: value))
    }

    /// Removes every line of a header, by case-insensitive name.
    public mutating func remove(_ name: String) {
        let name = name.lowercased()
        fields.removeAll { $0.name.lowercased() == name }
    }
}
