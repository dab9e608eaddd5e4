/// The sections of an MBT case formulation, written with the patient, in the order they are read.
public enum FormulationSection: String, CaseIterable, Codable, Sendable {
    case presentingProblems = "presenting-problems"
    case relationalPatterns = "relational-patterns"
    /// Situations where mentalizing breaks down (which prementalizing mode follows is kept apart).
    case breakdowns
    case attachmentStrategies = "attachment-strategies"
    case strengths
    case treatmentGoals = "treatment-goals"

    /// The most characters a section may hold.
    public static let maximumLength = 6000
}

/// The prementalizing modes as a formulation records them: which follow a breakdown.
extension PrementalizingMode {
    /// Reads a stored list (comma-separated raw values), in the canonical order; unknown values are dropped.
    public static func modes(stored: String) -> [PrementalizingMode] {
        let values = Set(stored.split(separator: ",").map(String.init))
        return allCases.filter { values.contains($0.rawValue) }
    }

    public static func stored(_ modes: [PrementalizingMode]) -> String {
        allCases.filter(modes.contains).map(\.rawValue).joined(separator: ",")
    }
}
