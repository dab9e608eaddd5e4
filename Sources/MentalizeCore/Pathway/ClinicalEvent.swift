/// The dated clinical events the pathway counts as outcomes. Stored as the raw value.
public enum ClinicalEventKind: String, CaseIterable, Codable, Sendable {
    case selfHarm = "self-harm"
    case suicideAttempt = "suicide-attempt"
    case emergencyVisit = "emergency-visit"
    case admission
    case policeContact = "police-contact"

    /// Whether the event has a method (self-harm and suicide attempts).
    public var hasMethod: Bool { self == .selfHarm || self == .suicideAttempt }
}

/// How self-harm or a suicide attempt happened, as a category (no free text).
public enum EventMethod: String, CaseIterable, Codable, Sendable {
    case cutting
    case overdose
    case ligature
    case burning
    case jumping
    case other
    case notStated = "not-stated"
    case notApplicable = "not-applicable"
}

/// How serious the physical consequences were.
public enum MedicalSeverity: String, CaseIterable, Codable, Sendable {
    /// No physical injury.
    case none
    /// Injury needing no medical treatment.
    case minor
    /// Needed medical treatment.
    case moderate
    /// Life-threatening or needed intensive care.
    case severe
    case unknown
}

/// Who told the team about the event.
public enum EventReporter: String, CaseIterable, Codable, Sendable {
    case patient
    case familyOrCarer = "family-or-carer"
    case staff
    case emergencyDepartment = "emergency-department"
    case gp
    case police
    case other
}

/// Why a clinical event entry was refused (each is a text key in the app).
public enum ClinicalEventProblem: String, Hashable, Sendable {
    case methodNeeded = "method-needed"
    case methodNotApplicable = "method-not-applicable"
    case admissionDaysNeeded = "admission-days-needed"
    case admissionDaysNotApplicable = "admission-days-not-applicable"
}

/// The checks tying an event's fields to its kind: a method for self-harm and suicide attempts
/// only, admission days (1 to 3650) for admissions only.
public enum ClinicalEventRules {
    public static let admissionDays = 1...3650

    public static func problems(kind: ClinicalEventKind, method: EventMethod, admissionDays: Int?) -> [ClinicalEventProblem] {
        var problems: [ClinicalEventProblem] = []
        if kind.hasMethod, method == .notApplicable { problems.append(.methodNeeded) }
        if !kind.hasMethod, method != .notApplicable { problems.append(.methodNotApplicable) }
        switch (kind, admissionDays) {
        case (.admission, let days?) where Self.admissionDays.contains(days): break
        case (.admission, _): problems.append(.admissionDaysNeeded)
        case (_, .some): problems.append(.admissionDaysNotApplicable)
        case (_, .none): break
        }
        return problems
    }
}
