import Core
import TestSupport
import Testing

/// Passwords are judged by their UTF-8 bytes: accepted exactly when there are 8 to 72 of them and
/// none is NUL, whatever characters make them up.
@Suite struct PasswordPolicyProperties {
    /// The contract's rule, with the code a failing password gets: length first, then NUL.
    static func expectedCode(_ password: String) -> String? {
        let bytes = Array(password.utf8)
        if bytes.count < 8 { return "too_short" }
        if bytes.count > 72 { return "too_long" }
        if bytes.contains(0) { return "invalid" }
        return nil
    }

    /// Scalars of every UTF-8 width, stopping near a byte boundary; sometimes a NUL anywhere.
    static func password(using random: inout SeededGenerator) -> String {
        let targetBytes = random.length(near: [0, 8, 72], upTo: 90)
        var scalars: [Unicode.Scalar] = []
        var bytes = 0
        while bytes < targetBytes {
            let scalar: Unicode.Scalar =
                random.chance(4) ? "\u{0}" : random.pick(UnicodeSamples.widths + UnicodeSamples.whitespace)
            scalars.append(scalar)
            bytes += String(scalar).utf8.count
        }
        return String(scalars: scalars)
    }

    @Test func acceptedExactlyWhenEightToSeventyTwoBytesWithoutNUL() {
        PropertyRun.forEachCandidate(Self.password(using:)) { password in
            var errors = ValidationErrors()
            PasswordPolicy.validate(password, field: "password", errors: &errors)
            let expected = Self.expectedCode(password)
            #expect(
                errors.errors.map(\.code) == (expected.map { [$0] } ?? []),
                "\(Array(password.utf8)) (seed \(PropertyRun.seed))")
            #expect(errors.errors.allSatisfy { $0.field == "password" })
            return expected == nil
        }
    }
}
