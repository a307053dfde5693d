/// A table of fixed-width columns for the terminal and BENCHMARKS.md, each column's title given
/// beside its width so that the header and the rows cannot disagree on the layout.
struct TextTable {
    private let titles: [String]
    private let widths: [Int]

    init(_ columns: KeyValuePairs<String, Int>) {
        titles = columns.map(\.key)
        widths = columns.map(\.value)
    }

    /// Prints the column titles; for a benchmark that prints each row as soon as it is measured.
    func printHeader() {
        Swift.print(row(titles, widths: widths))
    }

    /// Prints one row, its cells in the columns' order.
    func printRow(_ cells: [String]) {
        Swift.print(row(cells, widths: widths))
    }

    /// Prints the column titles, then `rows`.
    func print(_ rows: [[String]]) {
        printHeader()
        for cells in rows { printRow(cells) }
    }
}
