#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One-dimensional arrays, in PostgreSQL's array text format: `{a,"b c",NULL}`.
extension Array: SQLEncodable where Element: SQLArrayElement {
    public static var sqlType: PostgresType { Element.sqlArrayType }
    public var sqlText: String? {
        var text = "{"
        for (index, element) in enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for character in element.sqlText ?? "" {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }
}

extension Array: SQLDecodable where Element: SQLArrayElement {
    public static func decode(sqlText text: String?) throws(PostgresError) -> Self {
        guard let text else { throw PostgresError(.invalidValue, message: "NULL where an array was expected") }
        guard let elements = SQLArrayLiteral.elements(of: text) else {
            throw PostgresError(.invalidValue, message: "'\(text.prefix(64))' is not a one-dimensional array")
        }
        var values: [Element] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            values.append(try Element.decode(sqlText: element))
        }
        return values
    }
}

/// A type that can be an array's element: it names its array type.
public protocol SQLArrayElement: SQLEncodable, SQLDecodable {
    static var sqlArrayType: PostgresType { get }
}

extension String: SQLArrayElement {
    public static var sqlArrayType: PostgresType { .textArray }
}

extension Int64: SQLArrayElement {
    public static var sqlArrayType: PostgresType { .int8Array }
}

extension Int: SQLArrayElement {
    public static var sqlArrayType: PostgresType { .int8Array }
}

extension UUID: SQLArrayElement {
    public static var sqlArrayType: PostgresType { .uuidArray }
}
