import Foundation
import MentalizeCore

/// The clinic settings page's main form: name, zone, language, public address, the out-of-hours
/// instruction and the office hours (an opening and closing time per weekday; both empty is closed).
struct ClinicSettingsForm: Codable {
    var name: String?
    var timeZone: String?
    /// The clinic's default language; empty: each person's browser decides.
    var locale: String?
    var publicURL: String?
    var outOfHoursText: String?
    var mondayOpens: String?, mondayCloses: String?
    var tuesdayOpens: String?, tuesdayCloses: String?
    var wednesdayOpens: String?, wednesdayCloses: String?
    var thursdayOpens: String?, thursdayCloses: String?
    var fridayOpens: String?, fridayCloses: String?
    var saturdayOpens: String?, saturdayCloses: String?
    var sundayOpens: String?, sundayCloses: String?

    static let outOfHoursLimit = 500

    init(_ clinic: Clinic, hours: OfficeHours) {
        name = clinic.name
        timeZone = clinic.timeZone
        locale = clinic.defaultLanguage ?? ""
        publicURL = clinic.publicURL ?? ""
        outOfHoursText = clinic.outOfHoursText ?? ""
        for day in Weekday.allCases {
            self[day] = (hours.openings[day]?.opens.description ?? "", hours.openings[day]?.closes.description ?? "")
        }
    }

    /// One weekday's opening and closing fields.
    subscript(day: Weekday) -> (opens: String, closes: String) {
        get {
            switch day {
            case .monday: (mondayOpens ?? "", mondayCloses ?? "")
            case .tuesday: (tuesdayOpens ?? "", tuesdayCloses ?? "")
            case .wednesday: (wednesdayOpens ?? "", wednesdayCloses ?? "")
            case .thursday: (thursdayOpens ?? "", thursdayCloses ?? "")
            case .friday: (fridayOpens ?? "", fridayCloses ?? "")
            case .saturday: (saturdayOpens ?? "", saturdayCloses ?? "")
            case .sunday: (sundayOpens ?? "", sundayCloses ?? "")
            }
        }
        set {
            switch day {
            case .monday: (mondayOpens, mondayCloses) = newValue
            case .tuesday: (tuesdayOpens, tuesdayCloses) = newValue
            case .wednesday: (wednesdayOpens, wednesdayCloses) = newValue
            case .thursday: (thursdayOpens, thursdayCloses) = newValue
            case .friday: (fridayOpens, fridayCloses) = newValue
            case .saturday: (saturdayOpens, saturdayCloses) = newValue
            case .sunday: (sundayOpens, sundayCloses) = newValue
            }
        }
    }

    /// The office hours the form describes, or the problems with it.
    func officeHours() -> Result<OfficeHours, ClinicSettingsProblems> {
        var openings: [Weekday: OfficeHours.Opening] = [:]
        var problems: [String] = []
        for day in Weekday.allCases {
            let (opens, closes) = self[day]
            let opensText = opens.trimmingCharacters(in: .whitespaces), closesText = closes.trimmingCharacters(in: .whitespaces)
            if opensText.isEmpty && closesText.isEmpty { continue }
            guard let open = try? LocalTime(text: opensText), let close = try? LocalTime(text: closesText) else {
                problems.append(PageText.text("clinic.error.dayTimes", ["day": DateWords.weekdayLong(day, in: DisplayTime.language)]))
                continue
            }
            do {
                openings[day] = try OfficeHours.Opening(opens: open, closes: close)
            } catch {
                problems.append(PageText.text("clinic.error.dayProblem", ["day": DateWords.weekdayLong(day, in: DisplayTime.language), "problem": ClinicSettingsErrorText.text(error)]))
            }
        }
        return problems.isEmpty ? .success(OfficeHours(openings: openings)) : .failure(ClinicSettingsProblems(messages: problems))
    }

    /// What is wrong with the form (empty when nothing is).
    func problems() -> [String] {
        let language = (locale ?? "").isEmpty ? LanguageNegotiation.fallback : locale ?? ""
        var problems = ClinicIdentityRules.problems(name: name ?? "", timeZone: timeZone ?? "", locale: language, publicURL: publicURL ?? "")
        if (outOfHoursText ?? "").count > Self.outOfHoursLimit { problems.append(PageText.text("clinic.error.outOfHoursLength", ["limit": String(Self.outOfHoursLimit)])) }
        if case .failure(let hours) = officeHours() { problems += hours.messages }
        return problems
    }
}

/// Problems with a settings form, in words for the person changing them.
struct ClinicSettingsProblems: Error {
    let messages: [String]
}
