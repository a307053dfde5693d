import ArgumentParser

/// `chronoview-bench`: the measurements behind `./build.sh bench` and `./build.sh soak`. Each
/// subcommand prints its part of the table and writes its figures as JSON; scripts/lib/bench.sh
/// runs them in order, scripts/lib/soak.sh runs `soak`.
@main
struct ChronoViewBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronoview-bench",
        abstract: "Measure ChronoView's runtime, functions and local API, and soak the API.",
        subcommands: [
            RuntimeBenchmark.self, FunctionBenchmark.self, EndToEndBenchmark.self, BcryptBenchmark.self,
            SoakBenchmark.self, MarketDataBenchmark.self, RealtimeBenchmark.self,
        ]
    )
}
