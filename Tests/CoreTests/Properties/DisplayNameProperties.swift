import Core
import TestSupport
import Testing

/// Display names against shared/API.md: 1 to 64 characters after trimming (counted in Unicode
/// scalars, as PostgreSQL's char_length counts them), no control characters.
@Suite struct DisplayNameProperties {
    /// The trimmed name, or the code of the 422: emptiness and length first, then controls.
    static func expected(_ text: String) -> Result<String, ExpectedFailure> {
        let scalars = trimmedScalars(text)
        if scalars.isEmpty { return .failure(.init(code: "too_short")) }
        if scalars.count > 64 { return .failure(.init(code: "too_long")) }
        if scalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(.init(code: "invalid"))
        }
        return .success(String(scalars: scalars))
    }

    /// Names of every kind of scalar, with lengths around 0, 1 and 64 and whitespace at the ends.
    static func candidate(using random: inout SeededGenerator) -> String {
        let letters = Array("Ada Lovelace 0-9").compactMap(\.unicodeScalars.first)
        let odd =
            UnicodeSamples.widths + UnicodeSamples.caseTricks + UnicodeSamples.invisible
            + UnicodeSamples.whitespace + UnicodeSamples.controls
        var scalars = (0..<random.length(near: [0, 1, 64], upTo: 70)).map { _ in
            random.chance(10) ? random.pick(odd) : random.pick(letters)
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            scalars.insert(random.pick(UnicodeSamples.whitespace), at: 0)
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            scalars.append(random.pick(UnicodeSamples.whitespace))
        }
        return String(scalars: scalars)
    }

    @Test func acceptedExactlyWhenTheContractSaysSo() {
        PropertyRun.forEachCandidate(Self.candidate(using:)) { text in
            var errors = ValidationErrors()
            let name = DisplayName.validate(text, errors: &errors)
            let actual: Result<String, ExpectedFailure> =
                name.map { .success($0) } ?? .failure(.init(code: errors.errors.first?.code ?? "none"))
            let expected = Self.expected(text)
            #expect(actual == expected, "\(text.debugDescription) (seed \(PropertyRun.seed))")
            #expect(errors.errors.count == (name == nil ? 1 : 0))
            return (try? expected.get()) != nil
        }
    }
}
