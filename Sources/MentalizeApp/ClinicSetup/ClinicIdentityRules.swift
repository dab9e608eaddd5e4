import Foundation
import MentalizeCore

/// The rules a clinic's name, time zone, language and public address follow, whether they are
/// given at first-run setup or changed on the settings page: one set of rules and one wording.
enum ClinicIdentityRules {
    /// The languages the interface ships in.
    static var locales: Set<String> { PageText.languages }
    static let nameLimit = 100

    /// What is wrong with these values (empty when nothing is), in words for the person giving them.
    static func problems(name: String, timeZone: String, locale: String, publicURL: String) -> [String] {
        var problems: [String] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > nameLimit { problems.append(PageText.text("clinic.error.nameLength", ["limit": String(nameLimit)])) }
        if (try? ClinicZone(timeZone)) == nil { problems.append(PageText.text("clinic.error.timeZone", ["zone": timeZone])) }
        if !locales.contains(locale) { problems.append(PageText.text("clinic.error.language", ["languages": locales.sorted().joined(separator: ", ")])) }
        if let problem = PublicAddress.problem(publicURL.trimmingCharacters(in: .whitespaces)) { problems.append(problem) }
        return problems
    }
}
