extension Migrations {
    /// Chart layouts as `json`, which keeps the text it is given, instead of `jsonb`, which turns
    /// every number into a `numeric`: `1e400` came back as 401 digits, `-0` as `0`, `1E+3` as
    /// `1000`, and a number beyond `numeric` (`1e200000`) could not be stored at all. The API
    /// writes the compact text itself and reads it back, so nothing else changes.
    static let chartLayoutText = Migration(
        version: 5,
        name: "chart_layout_text",
        statements: [
            "ALTER TABLE charts DROP CONSTRAINT charts_layout_object",
            "ALTER TABLE charts ALTER COLUMN layout DROP DEFAULT",
            "ALTER TABLE charts ALTER COLUMN layout TYPE json USING layout::json",
            "ALTER TABLE charts ALTER COLUMN layout SET DEFAULT '{}'",
            "ALTER TABLE charts ADD CONSTRAINT charts_layout_object CHECK (json_typeof(layout) = 'object')",
        ]
    )
}
