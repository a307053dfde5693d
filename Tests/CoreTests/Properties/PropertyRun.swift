import Foundation
import TestSupport
import Testing

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
