import ArgumentParser
import HummingbirdBcrypt

/// The cost of one bcrypt verification at the configured cost: the floor of `POST /api/login`,
/// which verifies exactly one hash per request (and nothing else of comparable weight).
struct BcryptBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bcrypt", abstract: "Time one bcrypt verification at a cost.")

    @Option(help: "The bcrypt cost (BCRYPT_COST of the functions).")
    var cost = 12

    @Option(help: "Verifications to time; the median is reported.")
    var repetitions = 5

    @OptionGroup var figuresFile: FiguresFile

    struct Output: Codable {
        var cost: Int
        var verifyMilliseconds: Distribution?
    }

    func run() throws {
        let hash = Bcrypt.hash("correct horse battery staple", cost: UInt8(cost))
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = monotonicNanoseconds()
            let matched = Bcrypt.verify("correct horse battery staple", hash: hash)
            samples.append(Double(monotonicNanoseconds() - start) / 1e6)
            guard matched else { throw BenchError("bcrypt did not verify its own hash") }
        }
        let output = Output(cost: cost, verifyMilliseconds: Distribution(samples))
        try figuresFile.write(output)
        print(
            "bcrypt verification at cost \(cost): median \(formatted(output.verifyMilliseconds?.median)) ms "
                + "(min \(formatted(output.verifyMilliseconds?.min)), max \(formatted(output.verifyMilliseconds?.max)), n=\(repetitions))"
        )
    }
}
