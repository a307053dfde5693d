import Foundation
import Testing

/// SplitMix64: a tiny generator whose sequence depends only on its seed, so that every property
/// test draws the same cases on every machine and a failure names the seed that reproduces it.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &self) < percent
    }

    /// A length that lands on and around the interesting `boundaries` more often than chance would.
    mutating func length(near boundaries: [Int], upTo maximum: Int) -> Int {
        if chance(60) {
            let boundary = pick(boundaries)
            return max(0, min(maximum, boundary + Int.random(in: -2...2, using: &self)))
        }
        return Int.random(in: 0...maximum, using: &self)
    }
}

/// How many cases each property draws, and the seed they start from. `PROPERTY_SEED` replays a
/// run with another seed; the default keeps CI's runs identical.
enum PropertyRun {
    static let cases = 4000

    /// Checks `cases` candidates drawn from the run's seed; `check` tests one against the rule
    /// and says whether the contract accepts it. A generator whose candidates were nearly all
    /// accepted, or nearly all refused, would prove little, so either fails the property.
    static func forEachCandidate<Candidate>(
        _ draw: (inout SeededGenerator) -> Candidate,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ check: (Candidate) -> Bool
    ) {
        var random = SeededGenerator(seed: seed)
        var accepted = 0
        for _ in 0..<cases where check(draw(&random)) { accepted += 1 }
        #expect(accepted > cases / 10, "too few candidates accepted", sourceLocation: sourceLocation)
        #expect(accepted < cases * 9 / 10, "too few candidates refused", sourceLocation: sourceLocation)
    }

    static var seed: UInt64 {
        if let text = ProcessInfo.processInfo.environment["PROPERTY_SEED"], let seed = UInt64(text) { return seed }
        return 0x00C0_FFEE_2026_1125
    }
}

/// The code of the 422 a rule calls for, compared with the one the validator recorded.
struct ExpectedFailure: Error, Equatable {
    var code: String
}
