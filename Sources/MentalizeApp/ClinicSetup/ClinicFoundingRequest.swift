import Foundation
import MentalizeCore

/// Everything first-run setup needs, from `mentalize setup` or the first-run page: the clinic, its
/// helplines, and the first administrator.
struct ClinicFoundingRequest: Sendable {
    var clinicName: String
    var timeZone: String
    /// The clinic's default language; nil: each person's browser decides.
    var locale: String?
    var country: String = ""
    var publicURL: String = ""
    var helplines: [HelplineEntry]
    var adminEmail: String
    var adminName: String

    /// What is wrong with the request, in words for the person setting up (empty when nothing is).
    /// The administrator's password and address are checked with the account rules when it is created.
    var problems: [String] {
        var problems = ClinicIdentityRules.problems(name: clinicName, timeZone: timeZone, locale: locale ?? LanguageNegotiation.fallback, publicURL: publicURL)
        if !country.isEmpty, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            problems.append(PageText.text("setup.error.country"))
        }
        if helplines.isEmpty { problems.append(PageText.text("setup.error.noHelpline")) }
        for problem in helplines.flatMap(\.problems) where !problems.contains(problem) { problems.append(problem) }
        return problems
    }
}
