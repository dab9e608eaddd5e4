public import Foundation

/// Reads the current relationships out of `AccessFacts` (shared by decisions and list scopes).
public enum RelationshipQueries {
    /// Patient records a patient user is currently linked to.
    public static func ownPatients(of user: UserID, facts: AccessFacts, now: Date) -> Set<PatientID> {
        Set(facts.patientAccounts.filter { $0.userID == user && $0.period.isCurrent(at: now) }.map(\.patientID))
    }

    /// Patients currently on a therapist's caseload.
    public static func caseload(of therapist: UserID, facts: AccessFacts, now: Date) -> Set<PatientID> {
        Set(facts.caseload.filter { $0.therapistID == therapist && $0.period.isCurrent(at: now) }.map(\.patientID))
    }

    /// Therapists the supervisor currently supervises.
    public static func supervisees(of supervisor: UserID, facts: AccessFacts, now: Date) -> Set<UserID> {
        Set(facts.supervision.filter { $0.supervisorID == supervisor && $0.period.isCurrent(at: now) }.map(\.therapistID))
    }

    /// Patients currently on the caseload of a therapist the supervisor currently supervises.
    public static func supervisedPatients(of supervisor: UserID, facts: AccessFacts, now: Date) -> Set<PatientID> {
        supervisees(of: supervisor, facts: facts, now: now).reduce(into: Set<PatientID>()) { $0.formUnion(caseload(of: $1, facts: facts, now: now)) }
    }

    /// Groups the therapist currently runs.
    public static func groupsRun(by therapist: UserID, facts: AccessFacts, now: Date) -> Set<GroupID> {
        Set(facts.coTherapy.filter { $0.therapistID == therapist && $0.period.isCurrent(at: now) }.map(\.groupID))
    }

    /// Groups the therapist currently runs and the patient currently belongs to.
    public static func sharedGroups(therapist: UserID, patient: PatientID, facts: AccessFacts,
                                    now: Date) -> Set<GroupID> {
        let run = groupsRun(by: therapist, facts: facts, now: now)
        return Set(facts.groupMemberships
            .filter { $0.patientID == patient && $0.period.isCurrent(at: now) && run.contains($0.groupID) }
            .map(\.groupID))
    }

    /// Patients the staff user holds a current break-glass grant for.
    public static func breakGlassPatients(of staff: UserID, facts: AccessFacts, now: Date) -> Set<PatientID> {
        Set(facts.breakGlass.filter { $0.staffID == staff && $0.isCurrent(at: now) }.map(\.patientID))
    }
}
