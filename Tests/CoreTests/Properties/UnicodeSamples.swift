/// Scalars that validators tend to get wrong, grouped by what makes them awkward.
enum UnicodeSamples {
    /// One to four bytes of UTF-8 each: byte limits and character limits disagree on these.
    static let widths: [Unicode.Scalar] = ["a", "Z", "7", "é", "ß", "Ж", "€", "中", "😀", "𝄞"]
    /// White_Space scalars: ASCII ones, NEL, no-break and ideographic spaces, line and paragraph separators.
    static let whitespace: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{2029}",
        "\u{3000}",
    ]
    /// General category Cc: C0 controls, DEL and C1 controls.
    static let controls: [Unicode.Scalar] = ["\u{0}", "\u{1}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}"]
    /// Not controls, yet invisible or joining: format characters, combining marks, variation selectors.
    static let invisible: [Unicode.Scalar] = ["\u{200B}", "\u{200D}", "\u{FEFF}", "\u{301}", "\u{FE0F}", "\u{1F3FD}"]
    /// Letters whose case mapping changes their length or leaves ASCII: dotted I, Kelvin sign, long s.
    static let caseTricks: [Unicode.Scalar] = ["İ", "ı", "K", "ſ", "ß", "Σ", "ǅ"]
}

extension String {
    init(scalars: [Unicode.Scalar]) {
        self.init(String.UnicodeScalarView(scalars))
    }
}

/// Trims from both ends the scalars the contract's "trimmed" removes, written out independently of
/// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`: Unicode's White_Space, and the
/// zero-width space, which Foundation's set still counts although Unicode no longer does.
/// Trimming an invisible character from the ends loses nothing a user meant to type.
func trimmedScalars(_ text: String) -> [Unicode.Scalar] {
    func trims(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
    var scalars = Array(text.unicodeScalars)
    while let first = scalars.first, trims(first) { scalars.removeFirst() }
    while let last = scalars.last, trims(last) { scalars.removeLast() }
    return scalars
}
