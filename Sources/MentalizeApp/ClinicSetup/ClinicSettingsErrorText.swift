import MentalizeCore

/// What a refused clinic setting says to the person setting it, in the page's language (English
/// in the terminal, where `mentalize setup` checks helplines the same way).
enum ClinicSettingsErrorText {
    static func text(_ error: ClinicSettingsError) -> String {
        switch error {
        case .closesBeforeOpening(let opens, let closes): PageText.text("clinic.error.closesBeforeOpening", ["opens": opens, "closes": closes])
        case .unreadableOfficeHours(let text): PageText.text("clinic.error.unreadableOfficeHours", ["text": text])
        case .invalidPhoneNumber(let text): PageText.text("clinic.error.phoneNumber", ["text": text])
        }
    }
}
