/// The rows a statement returned, read in full, their columns as text.
public struct SQLRows: Sendable, RandomAccessCollection {
    /// The columns' names, in order.
    public let columns: [String]
    /// Every row's cells, row after row; `nil` is SQL NULL.
    let cells: [String?]

    init(columns: [String], cells: [String?]) {
        self.columns = columns
        self.cells = cells
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : cells.count / columns.count }

    public subscript(position: Int) -> SQLRow {
        SQLRow(columns: columns, cells: cells[position * columns.count..<(position + 1) * columns.count])
    }

    /// Every row read as the given column types, in order: `rows.decode((UUID, String).self)`.
    public func decode<each Column: SQLDecodable>(_ types: (repeat each Column).Type) throws(PostgresError)
        -> [(repeat each Column)]
    {
        var values: [(repeat each Column)] = []
        values.reserveCapacity(count)
        for row in self {
            values.append(try row.decode(types))
        }
        return values
    }
}

/// One row of ``SQLRows``.
public struct SQLRow: Sendable {
    let columns: [String]
    let cells: ArraySlice<String?>

    /// The row's columns read as the given types, in order.
    public func decode<each Column: SQLDecodable>(_: (repeat each Column).Type) throws(PostgresError)
        -> (repeat each Column)
    {
        var index = cells.startIndex
        func next<Value: SQLDecodable>(_: Value.Type) throws(PostgresError) -> Value {
            guard index < cells.endIndex else {
                throw PostgresError(.invalidValue, message: "the row has \(cells.count) columns, fewer than asked for")
            }
            defer { index += 1 }
            return try Value.decode(sqlText: cells[index])
        }
        return (repeat try next((each Column).self))
    }

    /// The column named `name`.
    public subscript(name: String) -> SQLCell {
        SQLCell(name: name, text: columns.firstIndex(of: name).map { cells[cells.startIndex + $0] })
    }
}

/// One column of a row, looked up by name.
public struct SQLCell: Sendable {
    let name: String
    /// `nil` when the row has no such column, `.some(nil)` when the column is NULL.
    let text: String??

    /// The column read as `Value`.
    public func decode<Value: SQLDecodable>(_: Value.Type) throws(PostgresError) -> Value {
        guard let text else { throw PostgresError(.invalidValue, message: "no column named \(name)") }
        return try Value.decode(sqlText: text)
    }
}
