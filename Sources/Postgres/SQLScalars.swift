extension String: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .text }
    public var sqlText: String? { self }
    public init?(sqlText text: String) { self = text }
}

extension Int: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .int8 }
    public var sqlText: String? { String(self) }
    public init?(sqlText text: String) { self.init(text) }
}

extension Int64: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .int8 }
    public var sqlText: String? { String(self) }
    public init?(sqlText text: String) { self.init(text) }
}

extension Int32: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .int4 }
    public var sqlText: String? { String(self) }
    public init?(sqlText text: String) { self.init(text) }
}

extension Int16: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .int2 }
    public var sqlText: String? { String(self) }
    public init?(sqlText text: String) { self.init(text) }
}

extension Bool: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .bool }
    public var sqlText: String? { self ? "t" : "f" }
    public init?(sqlText text: String) {
        switch text {
        case "t": self = true
        case "f": self = false
        default: return nil
        }
    }
}

extension Double: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .float8 }
    // Swift's description is the shortest text that reads back as the same Double, as
    // PostgreSQL's own float8 output is; `inf`/`nan` are spelled the server's way.
    public var sqlText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return description
    }
    public init?(sqlText text: String) { self.init(text) }
}
