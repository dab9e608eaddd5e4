/// Why a clinic setting was refused; the app words it in the page's language (`ClinicSettingsErrorText`).
public enum ClinicSettingsError: Error, Equatable {
    case closesBeforeOpening(opens: String, closes: String)
    case unreadableOfficeHours(String)
    case invalidPhoneNumber(String)
}
