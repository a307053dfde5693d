import LambdaEvents

/// A create or patch body, read field by field into column values, collecting every field's
/// failure for one 422. What a missing field means depends on the write: in a create it takes
/// its default or is required; in a patch it keeps the stored value. A field given as `null` is
/// present with the wrong JSON type, as everywhere in the API: its parser refuses it, so that a
/// client clearing a field learns that it cannot, instead of a 200 that changed nothing.
public struct CollectionBody: Sendable {
    public let object: JSONObject
    public let write: CollectionWrite
    public private(set) var errors = ValidationErrors()
    public private(set) var values: [ColumnValue] = []

    public init(_ object: JSONObject, for write: CollectionWrite) {
        self.object = object
        self.write = write
    }

    /// Reads `field` with `parse` into the column of the same name. Returns the value written,
    /// `nil` when the field was missing without a default, or invalid.
    @discardableResult
    public mutating func read(
        _ field: String,
        default defaultValue: ColumnValue.Value? = nil,
        _ parse: (JSONValue) throws(FieldError) -> ColumnValue.Value
    ) -> ColumnValue.Value? {
        let value: ColumnValue.Value
        switch object.fields[field] {
        case nil:
            guard write == .create else { return nil }
            guard let defaultValue else {
                errors.add(.required(field))
                return nil
            }
            value = defaultValue
        case let json?:
            do throws(FieldError) {
                value = try parse(json)
            } catch {
                errors.add(error)
                return nil
            }
        }
        values.append(ColumnValue(column: field, value: value))
        return value
    }

    /// Writes a column that follows from the fields read (not a field of the body itself).
    public mutating func set(_ column: String, to value: ColumnValue.Value) {
        values.append(ColumnValue(column: column, value: value))
    }

    /// The values to write, or a 422 listing every bad field.
    public func validated() throws(APIError) -> [ColumnValue] {
        try errors.check()
        return values
    }
}
