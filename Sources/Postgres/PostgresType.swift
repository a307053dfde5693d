/// The object IDs of the built-in types that parameters are sent as, so that the server reads
/// each parameter as the type its Swift value has rather than guessing from the statement.
public struct PostgresType: Sendable, Hashable {
    public var oid: UInt32

    public init(oid: UInt32) {
        self.oid = oid
    }

    public static let bool = PostgresType(oid: 16)
    public static let bytea = PostgresType(oid: 17)
    public static let int8 = PostgresType(oid: 20)
    public static let int2 = PostgresType(oid: 21)
    public static let int4 = PostgresType(oid: 23)
    public static let text = PostgresType(oid: 25)
    public static let float8 = PostgresType(oid: 701)
    public static let int8Array = PostgresType(oid: 1016)
    public static let textArray = PostgresType(oid: 1009)
    public static let timestamptz = PostgresType(oid: 1184)
    public static let uuid = PostgresType(oid: 2950)
    public static let uuidArray = PostgresType(oid: 2951)
}
