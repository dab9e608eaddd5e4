import Foundation
import MentalizeCore

/// Everything first-run setup needs, from `mentalize setup` or the first-run page: the clinic, its
/// helplines, and the first administrator.
struct ClinicFoundingRequest: Sendable {
    var clinicName: String
    var timeZone: String
    var locale: String = "en"
    var country: String = ""
    var publicURL: String = ""
    var helplines: [HelplineEntry]
    var adminEmail: String
    var adminName: String

    /// The languages the interface ships in.
    static let locales: Set<String> = ["en"]
    static let nameLimit = 100

    /// What is wrong with the request, in words for the person setting up (empty when nothing is).
    /// The administrator's password and address are checked with the account rules when it is created.
    var problems: [String] {
        var problems: [String] = []
        let name = clinicName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > Self.nameLimit { problems.append("the clinic's name must be 1 to \(Self.nameLimit) characters") }
        if (try? ClinicZone(timeZone)) == nil { problems.append("'\(timeZone)' is not a time zone: use a name such as Europe/London or Europe/Amsterdam") }
        if !Self.locales.contains(locale) { problems.append("the language must be one of: \(Self.locales.sorted().joined(separator: ", "))") }
        if !country.isEmpty, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            problems.append("the country is a two-letter code such as GB or NL")
        }
        if let problem = PublicAddress.problem(publicURL) { problems.append(problem) }
        if helplines.isEmpty { problems.append("give at least one helpline: every patient page shows the clinic's helplines") }
        for problem in helplines.flatMap(\.problems) where !problems.contains(problem) { problems.append(problem) }
        return problems
    }
}
