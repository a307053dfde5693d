/// One step of the schema, applied once, in order, inside a transaction.
///
/// Once released, a migration is never edited: changes come as new migrations. The checksum
/// recorded with each applied migration catches an accidental edit.
public struct Migration: Sendable, Hashable {
    public var version: Int
    public var name: String
    /// The statements, run one after another (the extended query protocol takes one at a time).
    public var statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
