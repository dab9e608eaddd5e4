import Foundation
import MentalizeCore

/// The form that adds a course to one's training ledger.
struct TrainingCourseForm: Codable {
    static let textLimit = 200

    var name: String?
    var provider: String?
    var days: String?
    var completedOn: String?
    var certificateReference: String?
    var courseKey: String?

    /// The course keys the shipped schemes count, with what each is.
    static func courseChoices(_ schemes: [AccreditationScheme]) -> [(key: String, label: String)] {
        var seen: Set<String> = []
        return schemes.flatMap { scheme in
            scheme.requirements.compactMap { requirement -> (key: String, label: String)? in
                guard requirement.kind == .course, let key = requirement.course, seen.insert(key).inserted else { return nil }
                return (key, "\(scheme.name): \(requirement.label)")
            }
        }
    }

    /// What is wrong (empty when nothing is): a name, a provider, 1 to 60 days, a real day that
    /// has passed, and a scheme's course key or none.
    func problems(today: LocalDate, knownKeys: Set<String>) -> [String] {
        var problems: [String] = []
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > Self.textLimit { problems.append("Give the course's name (up to \(Self.textLimit) characters).") }
        let provider = (provider ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if provider.isEmpty || provider.count > Self.textLimit { problems.append("Give who ran the course (up to \(Self.textLimit) characters).") }
        if !(1...60).contains(Int(days ?? "") ?? 0) { problems.append("Give the course's length in days, 1 to 60.") }
        if let day = try? LocalDate(iso: completedOn ?? "") {
            if day > today { problems.append("A course is added once it is completed.") }
        } else {
            problems.append("Give the day the course was completed.")
        }
        if (certificateReference ?? "").count > Self.textLimit { problems.append("Keep the certificate reference under \(Self.textLimit) characters.") }
        if let key = courseKey, !key.isEmpty, !knownKeys.contains(key) { problems.append("Choose one of the courses the schemes name, or none.") }
        return problems
    }
}
