/// One of a collection's own columns and the PostgreSQL type it is stored as.
public struct CollectionColumn: Sendable, Hashable {
    public enum StorageType: Sendable, Hashable {
        case text
        case textArray
        /// `json`, read back as text, because a JSON document is parsed again before it is returned.
        case json
        /// Read back as text, because no decimal digit may pass through a binary float.
        case numeric
        case timestamp
    }

    public var name: String
    public var type: StorageType

    public init(_ name: String, _ type: StorageType) {
        self.name = name
        self.type = type
    }

    /// The select-list entry that yields the column under its own name in a form Swift reads losslessly.
    var selectExpression: String {
        switch type {
        case .json, .numeric: #""\#(name)"::text AS "\#(name)""#
        case .text, .textArray, .timestamp: #""\#(name)""#
        }
    }
}
