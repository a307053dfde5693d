import Core
import TestSupport
import Testing

/// Email addresses against shared/API.md: trimmed, lower-cased, at most 254 characters, one `@`
/// with a non-empty local part and a domain that contains a dot. Where the contract is silent the
/// oracle follows `EmailAddress`'s documented reading: the dot separates labels of which none is
/// empty (`a@b.` names no host), and no whitespace or control character may remain inside.
@Suite struct EmailAddressProperties {
    /// The normalised address, or the code of the 422 the contract calls for.
    static func expected(_ text: String) -> Result<String, ExpectedFailure> {
        let normalized = String(scalars: trimmedScalars(text)).lowercased()
        let scalars = Array(normalized.unicodeScalars)
        if scalars.count > 254 { return .failure(ExpectedFailure(code: "too_long")) }
        let invalid = Result<String, ExpectedFailure>.failure(ExpectedFailure(code: "invalid"))
        let parts = scalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return invalid }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return invalid }
        guard !scalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control })
        else { return invalid }
        return .success(normalized)
    }

    /// Mostly address-shaped text, bent in the ways that matter: case, surrounding and inner
    /// whitespace, controls, extra or missing `@` and dots, and lengths around 254.
    static func candidate(using random: inout SeededGenerator) -> String {
        let plain = Array("abcxyzABCXYZ0189._+-").compactMap(\.unicodeScalars.first)
        let odd =
            UnicodeSamples.widths + UnicodeSamples.caseTricks + UnicodeSamples.invisible
            + UnicodeSamples.whitespace + UnicodeSamples.controls + ["@", "."]
        func part(_ count: Int, _ random: inout SeededGenerator) -> [Unicode.Scalar] {
            (0..<count).map { _ in random.chance(8) ? random.pick(odd) : random.pick(plain) }
        }
        var local = part(Int.random(in: 0...12, using: &random), &random)
        var domain: [Unicode.Scalar] = []
        for index in 0..<Int.random(in: 1...3, using: &random) {
            if index > 0 { domain.append(".") }
            domain += part(random.chance(10) ? 0 : Int.random(in: 1...8, using: &random), &random)
        }
        if random.chance(25) {
            // Pad the local part so that the whole lands near the 254-character limit.
            let target = random.length(near: [254], upTo: 260)
            local += [Unicode.Scalar](repeating: "a", count: max(0, target - local.count - domain.count - 1))
        }
        var scalars = local + (random.chance(92) ? ["@"] : []) + domain
        if random.chance(5) { scalars.insert("@", at: Int.random(in: 0...scalars.count, using: &random)) }
        if random.chance(30) { scalars.insert(random.pick(UnicodeSamples.whitespace), at: 0) }
        if random.chance(30) { scalars.append(random.pick(UnicodeSamples.whitespace)) }
        return String(scalars: scalars)
    }

    @Test func acceptedExactlyWhenTheContractSaysSo() {
        PropertyRun.forEachCandidate(Self.candidate(using:)) { text in
            let actual = EmailAddress.parse(text).map(\.value).mapError { ExpectedFailure(code: $0.code) }
            let expected = Self.expected(text)
            #expect(actual == expected, "\(text.debugDescription) (seed \(PropertyRun.seed))")
            return (try? expected.get()) != nil
        }
    }

    /// Parsing is idempotent: an accepted address parses to itself, as the stored form must.
    @Test func normalisedFormParsesToItself() {
        var random = SeededGenerator(seed: PropertyRun.seed ^ 0x5EED)
        for _ in 0..<PropertyRun.cases {
            let text = Self.candidate(using: &random)
            guard case .success(let email) = EmailAddress.parse(text) else { continue }
            #expect((try? EmailAddress.parse(email.value).get()) == email, "\(text.debugDescription)")
        }
    }
}
