import MentalizeCore
import Testing

/// A helpline number must dial from a `tel:` link on a phone.
@Suite struct HelplineNumberTests {
    @Test func commonFormsDialTheirDigits() throws {
        #expect(try HelplineNumber("116 123").telURI == "tel:116123")
        #expect(try HelplineNumber("0800-0113").telURI == "tel:08000113")
        #expect(try HelplineNumber("+44 (0)20 7946 0000").telURI == "tel:+440207946" + "0000")
        #expect(try HelplineNumber("112").display == "112")
        #expect(try HelplineNumber("  999 ").display == "999")
    }

    @Test func textThatIsNotANumberIsRefused() {
        for bad in ["", "abc", "1", "call 999", "99+9", "+", "123456789012345678901", "112; DROP", "tel:999", "１１２"] {
            #expect(throws: ClinicSettingsError.self, "\(bad)") { try HelplineNumber(bad) }
        }
    }
}
