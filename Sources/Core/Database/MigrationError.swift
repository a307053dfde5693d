/// The recorded schema history does not match the migrations this build carries.
public enum MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An applied migration's SQL differs from the one in the repository.
    case checksumMismatch(version: Int, name: String)
    /// The database has a migration this build does not know: it is older than the schema.
    case unknownVersion(Int)

    public var description: String {
        switch self {
        case .checksumMismatch(let version, let name):
            "migration \(version) (\(name)) was edited after it was applied; add a new migration instead"
        case .unknownVersion(let version):
            "the database has migration \(version), which this build does not know; deploy a newer build"
        }
    }
}
