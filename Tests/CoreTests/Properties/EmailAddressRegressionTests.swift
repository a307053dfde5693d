import Core
import Testing

/// Addresses the property tests caught: a combining mark or modifier right after `@` or `.` made
/// one character of the two, so a second `@` or an empty domain label went unseen.
@Suite struct EmailAddressRegressionTests {
    @Test(arguments: [
        "cz81yyb@\u{FE0F}0.0x@a.b",  // a second `@`, hidden by a variation selector
        "a@\u{301}x@b.com",  // a second `@`, hidden by a combining accent
        "b9ya+@.\u{1F3FD}zc.xb",  // an empty first label, its dot hidden by a skin-tone modifier
    ])
    func refused(_ text: String) {
        #expect(throws: (any Error).self) { try EmailAddress.parse(text).get() }
    }

    /// Split by scalars, a mark after a dot starts the next label: the contract asks no more.
    @Test(arguments: ["zoe\u{301}@example.com", "ada@example.\u{301}com"])
    func aMarkInsideAnAddressIsStillAnAddress(_ text: String) throws {
        #expect(try EmailAddress.parse(text).get().value == text)
    }
}
