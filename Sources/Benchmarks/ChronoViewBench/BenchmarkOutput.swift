import ArgumentParser
import Foundation

/// Where a benchmark writes its figures (`--json`), which `./build.sh bench` turns into its report.
struct FiguresFile: ParsableArguments {
    @Option(help: "Where to write the figures as JSON.")
    var json: String

    /// Writes figures as pretty, key-sorted JSON, so that two runs diff cleanly.
    func write(_ figures: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(figures).write(to: URL(fileURLWithPath: json))
    }
}

/// Where the function processes a benchmark starts write their output (`--log-directory`).
struct ProcessLogs: ParsableArguments {
    @Option(help: "Where the function processes' output goes.")
    var logDirectory: String

    /// The log of one process, by a name of the benchmark's choosing.
    func path(_ name: String) -> String { "\(logDirectory)/\(name).log" }
}
