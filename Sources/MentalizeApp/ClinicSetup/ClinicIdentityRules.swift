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
        if name.isEmpty || name.count > nameLimit { problems.append("the clinic's name must be 1 to \(nameLimit) characters") }
        if (try? ClinicZone(timeZone)) == nil { problems.append("'\(timeZone)' is not a time zone: use a name such as Europe/London or Europe/Amsterdam") }
        if !locales.contains(locale) { problems.append("the language must be one of: \(locales.sorted().joined(separator: ", "))") }
        if let problem = PublicAddress.problem(publicURL.trimmingCharacters(in: .whitespaces)) { problems.append(problem) }
        return problems
    }
}
