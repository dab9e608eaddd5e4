import Foundation
import MentalizeCore

/// One helpline as a clinic enters it: a name, a number patients can call from a link, and when it
/// answers. Written `Name=number` (or `Name=number=hours`) on the command line.
struct HelplineEntry: Sendable, Equatable {
    var name: String
    var number: String
    var hours: String

    /// The longest name or hours text: both appear on every patient page, on a phone.
    static let textLimit = 80

    /// Parses `Name=number[=hours]` from `mentalize setup --helpline`.
    init(commandLine text: String) throws {
        let parts = text.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2 else { throw ConfigurationError("the helpline '\(text)' is not in the form \"Name=number\", such as \"Samaritans=116 123\"") }
        self.init(name: parts[0], number: parts[1], hours: parts.count == 3 ? parts[2] : "")
    }

    init(name: String, number: String, hours: String) {
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.number = number.trimmingCharacters(in: .whitespacesAndNewlines)
        self.hours = hours.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What is wrong with this line, in words for the person entering it (empty when nothing is).
    var problems: [String] {
        var problems: [String] = []
        if name.isEmpty || name.count > Self.textLimit { problems.append(PageText.text("clinic.error.helplineName", ["limit": String(Self.textLimit)])) }
        if hours.count > Self.textLimit { problems.append(PageText.text("clinic.error.helplineHours", ["limit": String(Self.textLimit)])) }
        do {
            _ = try HelplineNumber(number)
        } catch {
            problems.append(ClinicSettingsErrorText.text(error))
        }
        return problems
    }
}
