/// Why a clinic setting was refused, in words for the person setting it.
public enum ClinicSettingsError: Error, Equatable, CustomStringConvertible {
    case closesBeforeOpening(opens: String, closes: String)
    case unreadableOfficeHours(String)
    case invalidPhoneNumber(String)

    public var description: String {
        switch self {
        case .closesBeforeOpening(let opens, let closes): "a day closes (\(closes)) before it opens (\(opens))"
        case .unreadableOfficeHours(let text): "the office hours '\(text)' are not in the form monday=09:00-17:00"
        case .invalidPhoneNumber(let text): "'\(text)' is not a telephone number: use digits, spaces, hyphens and an optional leading +"
        }
    }
}
