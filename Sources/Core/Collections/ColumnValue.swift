/// A validated value for one of a collection's own columns. The case says how it is bound and
/// cast, so the generic store can write it without knowing the collection.
public struct ColumnValue: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case textArray([String])
        /// A JSON document as compact text, stored as `json`, which keeps the text as it is.
        case json(String)
        /// A decimal number as text, stored as `numeric` without ever being a binary float.
        case numeric(String)
        /// SQL NULL (a timestamp the system sets, cleared).
        case null
        /// The transaction's clock, `now()` (the moment an alert is armed).
        case now
    }

    public var column: String
    public var value: Value

    public init(column: String, value: Value) {
        self.column = column
        self.value = value
    }
}
