import Foundation

/// The structured diagnostic interviews an assessment records. Stored as the raw value.
public enum DiagnosticInterview: String, CaseIterable, Codable, Sendable {
    /// Structured Clinical Interview for DSM-5 Personality Disorders.
    case scid5PD = "scid-5-pd"
    /// Zanarini Rating Scale for Borderline Personality Disorder.
    case zanBPD = "zan-bpd"
    case other

    /// The number of DSM-5 borderline criteria an interview can find met.
    public static let bpdCriteria = 0...9
}

/// The assessor's overall judgement of current risk. Stored as the raw value.
public enum AssessedRisk: String, CaseIterable, Codable, Sendable {
    case low
    case moderate
    case high
}

/// Reasons MBT may not suit someone at all (see the primer: who MBT is for).
public enum SuitabilityExclusion: String, CaseIterable, Codable, Sendable {
    case activePsychosis = "active-psychosis"
    case severeCognitiveImpairment = "severe-cognitive-impairment"
    case noWillingnessToEngage = "no-willingness-to-engage"
}

/// The suitability checklist an assessment fills in: exclusions, which rule out a "suitable"
/// decision, and relative contraindications, which the team weighs and names in its reasons.
public struct SuitabilityChecklist: Hashable, Sendable {
    /// The relative contraindications the checklist offers, as data (keys of interface texts).
    public static let relativeContraindications = [
        "substance-dependence", "antisocial-features", "severe-eating-disorder", "unstable-housing",
        "ongoing-legal-proceedings", "concurrent-therapy-elsewhere",
    ]

    public var exclusions: Set<SuitabilityExclusion>
    public var contraindications: [String]

    public init(exclusions: Set<SuitabilityExclusion>, contraindications: [String]) {
        self.exclusions = exclusions
        self.contraindications = contraindications.filter(Self.relativeContraindications.contains)
    }

    /// Reads a stored checklist (comma-separated raw values); unknown values are dropped.
    public init(storedExclusions: String, storedContraindications: String) {
        self.init(exclusions: Set(storedExclusions.split(separator: ",").compactMap { SuitabilityExclusion(rawValue: String($0)) }),
                  contraindications: storedContraindications.split(separator: ",").map(String.init))
    }

    public var storedExclusions: String { SuitabilityExclusion.allCases.filter(exclusions.contains).map(\.rawValue).joined(separator: ",") }
    public var storedContraindications: String { contraindications.joined(separator: ",") }
}

/// Why the team's suitability decision could not be recorded (the app words it for the clinician).
public enum SuitabilityRefusal: Error, Hashable, Sendable {
    case checklistMissing
    case excluded([SuitabilityExclusion])
}

/// The rule joining the checklist to the decision: "suitable" needs a checklist without exclusions;
/// "not suitable" can always be recorded.
public enum SuitabilityRules {
    public static func check(_ decision: SuitabilityDecision, checklist: SuitabilityChecklist?) throws(SuitabilityRefusal) {
        guard decision == .suitable else { return }
        guard let checklist else { throw .checklistMissing }
        let exclusions = SuitabilityExclusion.allCases.filter(checklist.exclusions.contains)
        if !exclusions.isEmpty { throw .excluded(exclusions) }
    }
}
