import Foundation
import MentalizeCore
import Vapor

/// The diagnostic interview form, as typed, with its checks.
struct InterviewForm: Content {
    var interview: String?
    var interviewName: String?
    var conductedOn: String?
    var assessor: String?
    var criteriaMet: String?
    var outcome: String?

    /// Text keys for every problem, in form order.
    func problems(today: Date) -> [String] {
        var problems: [String] = []
        if let kind = DiagnosticInterview(rawValue: interview.trimmed) {
            if kind == .other, !(1...200).contains(interviewName.trimmed.count) { problems.append("assessment.error.interviewName") }
        } else {
            problems.append("assessment.error.interview")
        }
        if !FormCheck.isPastDate(conductedOn.trimmed, today: today) { problems.append("assessment.error.date") }
        if !(1...200).contains(assessor.trimmed.count) { problems.append("assessment.error.assessor") }
        if !criteriaMet.trimmed.isEmpty, criteria == nil { problems.append("assessment.error.criteria") }
        if outcome.trimmed.count > 4000 { problems.append("assessment.error.outcome") }
        return problems
    }

    /// The number of criteria met, when given and within 0-9.
    var criteria: Int? {
        Int(criteriaMet.trimmed).flatMap { DiagnosticInterview.bpdCriteria.contains($0) ? $0 : nil }
    }
}

/// The risk assessment form.
struct RiskForm: Content {
    var assessedOn: String?
    var assessor: String?
    var level: String?
    var summary: String?

    func problems(today: Date) -> [String] {
        var problems: [String] = []
        if !FormCheck.isPastDate(assessedOn.trimmed, today: today) { problems.append("assessment.error.date") }
        if !(1...200).contains(assessor.trimmed.count) { problems.append("assessment.error.assessor") }
        if AssessedRisk(rawValue: level.trimmed) == nil { problems.append("assessment.error.level") }
        if !(5...4000).contains(summary.trimmed.count) { problems.append("assessment.error.summary") }
        return problems
    }
}

/// The suitability checklist form: every exclusion answered present or absent, contraindications ticked.
struct ChecklistForm: Content {
    var activePsychosis: String?
    var severeCognitiveImpairment: String?
    var noWillingnessToEngage: String?
    var contraindications: [String]?

    private var answers: [(SuitabilityExclusion, String)] {
        [(.activePsychosis, activePsychosis.trimmed), (.severeCognitiveImpairment, severeCognitiveImpairment.trimmed),
         (.noWillingnessToEngage, noWillingnessToEngage.trimmed)]
    }

    func problems() -> [String] {
        var problems: [String] = []
        if answers.contains(where: { !["present", "absent"].contains($0.1) }) { problems.append("assessment.error.exclusions") }
        if (contraindications ?? []).contains(where: { !SuitabilityChecklist.relativeContraindications.contains($0) }) { problems.append("assessment.error.contraindications") }
        return problems
    }

    var checklist: SuitabilityChecklist {
        SuitabilityChecklist(exclusions: Set(answers.filter { $0.1 == "present" }.map(\.0)), contraindications: contraindications ?? [])
    }
}
