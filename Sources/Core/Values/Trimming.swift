/// Foundation's `trimmingCharacters(in:)`, which FoundationEssentials lacks, for the sets Core
/// trims by.
extension StringProtocol {
    /// The text without the Unicode scalars at either end that `isTrimmed` accepts.
    ///
    /// Scalar by scalar, as Foundation trims, not character by character: a space followed by a
    /// combining mark at the end stays, where `Character.isWhitespace` would drop both.
    func trimmingScalars(while isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        guard let first = unicodeScalars.firstIndex(where: { !isTrimmed($0) }),
            let last = unicodeScalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(String.UnicodeScalarView(unicodeScalars[first...last]))
    }

    /// The text without `CharacterSet.whitespacesAndNewlines` at either end: Unicode's
    /// White_Space, and the zero-width space, which was a space until Unicode 4.0.1 and which
    /// Foundation's set still holds.
    func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars { $0.properties.isWhitespace || $0 == "\u{200B}" }
    }

    /// The text without `CharacterSet.whitespaces` at either end: the space separators, the tab,
    /// and the zero-width space (as in ``trimmingWhitespaceAndNewlines()``), but no line breaks.
    func trimmingWhitespace() -> String {
        trimmingScalars { $0.properties.generalCategory == .spaceSeparator || $0 == "\t" || $0 == "\u{200B}" }
    }
}
