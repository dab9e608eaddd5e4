/// Why access was allowed: the relationship or role that carries it. The audit log marks `.breakGlass`.
public enum AccessBasis: String, Sendable, Codable, CaseIterable {
    /// A patient acting on their own record.
    case ownRecord
    /// Any user reading their own account.
    case ownAccount
    /// The author of a process note.
    case processNoteAuthor
    /// The supervisor the author of a process note named.
    case namedSupervisor
    /// A rater asked to rate a piece of material (fidelity ratings only).
    case assignedRater
    /// The therapist whose session is rated (fidelity ratings only).
    case ratedTherapist
    /// A therapist with a current caseload assignment to the patient.
    case caseload
    /// A therapist running a group the patient currently belongs to (group-related records only).
    case coTherapy
    /// A supervisor of a therapist who currently has the patient on their caseload.
    case supervision
    /// A programme lead reading the roster.
    case programmeRoster
    /// An admin managing accounts.
    case accountAdministration
    /// A staff user with a current break-glass grant for the patient.
    case breakGlass
}

/// Why access was denied (for tests and logs; the app answers 404 for every deny).
public enum DenyReason: String, Sendable, Codable, CaseIterable {
    /// No relationship or role gives the actor any access to this record.
    case noRelationship
    /// A relationship exists, but it does not allow this action on this kind of record.
    case actionNotPermitted
    /// Process notes are for their author and the supervisor the author named only.
    case processNoteRestricted
    /// The private diary is for the patient only.
    case patientPrivate
    /// The record description is inconsistent (for example a clinical record without a patient).
    case malformedRecord
}

/// The policy's answer.
public enum AccessDecision: Hashable, Sendable, Codable {
    case allow(AccessBasis)
    case deny(DenyReason)

    /// True for `.allow`.
    public var isAllowed: Bool {
        if case .allow = self { return true }
        return false
    }

    /// True when the access rests on a break-glass grant (the audit event must be marked).
    public var isBreakGlass: Bool { self == .allow(.breakGlass) }
}
