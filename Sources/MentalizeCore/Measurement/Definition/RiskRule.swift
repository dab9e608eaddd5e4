/// A rule, stored as data, that flags a risk answer (for example PHQ-9 item 9 above 0, or a
/// C-SSRS screener answer that triages to moderate or high risk).
public struct RiskRule: Codable, Sendable, Equatable {
    public let id: String
    /// Triage level the rule assigns when it matches.
    public let level: RiskLevel
    /// Whether a match must alert the patient's clinicians.
    public let alert: Bool
    /// Staff-facing explanation of what matched.
    public let description: String
    public let conditions: [AnswerCondition]
    public let behavior: ConditionBehavior

    public init(
        id: String, level: RiskLevel, alert: Bool, description: String,
        conditions: [AnswerCondition], behavior: ConditionBehavior
    ) {
        self.id = id
        self.level = level
        self.alert = alert
        self.description = description
        self.conditions = conditions
        self.behavior = behavior
    }
}

/// Triage level of a risk rule; ordered from lowest to highest.
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case low
    case moderate
    case high

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
