import Foundation

/// A telephone number a patient can call from a link: digits with the usual separators (spaces,
/// hyphens, dots, brackets) and an optional leading `+`, 2 to 20 digits. `tel:` links use the
/// digits only, so "0800-0113" dials 08000113.
public struct HelplineNumber: Sendable, Equatable {
    /// The number as the clinic wrote it, shown to patients.
    public let display: String
    /// The `tel:` URI a phone dials.
    public let telURI: String

    public init(_ text: String) throws(ClinicSettingsError) {
        let display = text.trimmingCharacters(in: .whitespaces)
        var dialled = ""
        for (index, character) in display.enumerated() {
            if character.isASCII, character.isNumber {
                dialled.append(character)
            } else if character == "+", index == 0 {
                dialled.append(character)
            } else if !" -.()".contains(character) {
                throw .invalidPhoneNumber(text)
            }
        }
        let digits = dialled.filter(\.isNumber).count
        guard (2...20).contains(digits) else { throw .invalidPhoneNumber(text) }
        self.display = display
        self.telURI = "tel:" + dialled
    }
}
