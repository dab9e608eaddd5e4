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
        if name.isEmpty || name.count > Self.textLimit { problems.append(PageText.text("training.error.name", ["limit": String(Self.textLimit)])) }
        let provider = (provider ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if provider.isEmpty || provider.count > Self.textLimit { problems.append(PageText.text("training.error.provider", ["limit": String(Self.textLimit)])) }
        if !(1...60).contains(Int(days ?? "") ?? 0) { problems.append(PageText.text("training.error.days")) }
        if let day = try? LocalDate(iso: completedOn ?? "") {
            if day > today { problems.append(PageText.text("training.error.future")) }
        } else {
            problems.append(PageText.text("training.error.day"))
        }
        if (certificateReference ?? "").count > Self.textLimit { problems.append(PageText.text("training.error.certificate", ["limit": String(Self.textLimit)])) }
        if let key = courseKey, !key.isEmpty, !knownKeys.contains(key) { problems.append(PageText.text("training.error.courseKey")) }
        return problems
    }
}
