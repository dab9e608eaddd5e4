public import Foundation

/// A patient and a group: only that patient's records tied to that group are in scope.
public struct PatientInGroup: Hashable, Sendable, Codable {
    public let patientID: PatientID
    public let groupID: GroupID
    public init(patientID: PatientID, groupID: GroupID) {
        self.patientID = patientID
        self.groupID = groupID
    }
}

/// Which rows of one record kind a list or aggregate query may touch, to be turned into a SQL
/// `WHERE` clause (never used to filter rows after fetching). A row is in scope when any part matches:
/// `allRows`, or `patient_id IN patients`, or `(patient_id, group_id) IN groupRecords`, or (process
/// notes, fidelity ratings) `author_id = actor` when `authoredByActor`, or `named_supervisor_id = actor`
/// when `namingActorAsSupervisor`, or (fidelity ratings) the actor among the raters asked when
/// `ratedByActor`, or the rated therapist `IN authors`.
public struct ListScope: Hashable, Sendable, Codable {
    public var allRows: Bool = false
    public var patients: Set<PatientID> = []
    public var groupRecords: Set<PatientInGroup> = []
    public var authoredByActor: Bool = false
    public var namingActorAsSupervisor: Bool = false
    /// (Fidelity ratings) rows the actor was asked to rate.
    public var ratedByActor: Bool = false
    /// Rows whose author (for fidelity ratings: the rated therapist) is one of these.
    public var authors: Set<UserID> = []
    /// The subset of `patients` that is in scope only through break-glass (their audit events are marked).
    public var breakGlassPatients: Set<PatientID> = []

    public init() {}

    /// True when the query must return nothing (the app can skip the query).
    public var isEmpty: Bool {
        !allRows && patients.isEmpty && groupRecords.isEmpty && !authoredByActor && !namingActorAsSupervisor && !ratedByActor && authors.isEmpty
    }
}

extension AccessPolicy {
    /// The rows of `kind` the actor may list at `now`, following the same table as `decide(...action: .list)`.
    public static func listScope(actor: AccessActor, kind: RecordKind, facts: AccessFacts, now: Date) -> ListScope {
        var scope = ListScope()
        let user = actor.userID
        func lists(_ basis: AccessBasis) -> Bool { AccessGrantTable.actions(for: basis, on: kind).contains(.list) }
        if actor.roles.contains(.patient), lists(.ownRecord) {
            scope.patients.formUnion(RelationshipQueries.ownPatients(of: user, facts: facts, now: now))
        }
        if actor.holdsAny(of: [.therapist, .supervisor]), lists(.processNoteAuthor) { scope.authoredByActor = true }
        if actor.roles.contains(.supervisor), lists(.namedSupervisor) { scope.namingActorAsSupervisor = true }
        if actor.roles.contains(.therapist), lists(.ratedTherapist) { scope.authoredByActor = true }
        if actor.holdsAny(of: [.therapist, .supervisor]), lists(.assignedRater) { scope.ratedByActor = true }
        if actor.roles.contains(.therapist), lists(.caseload) {
            scope.patients.formUnion(RelationshipQueries.caseload(of: user, facts: facts, now: now))
        }
        if actor.roles.contains(.therapist), lists(.coTherapy) {
            let groups = RelationshipQueries.groupsRun(by: user, facts: facts, now: now)
            let members = facts.groupMemberships.filter { groups.contains($0.groupID) && $0.period.isCurrent(at: now) }
            if kind.followsGroupMembership {
                scope.patients.formUnion(members.map(\.patientID))
            } else {
                scope.groupRecords.formUnion(members.map { PatientInGroup(patientID: $0.patientID, groupID: $0.groupID) })
            }
        }
        if actor.roles.contains(.supervisor), lists(.supervision) {
            if kind == .fidelityRating {
                scope.authors.formUnion(RelationshipQueries.supervisees(of: user, facts: facts, now: now))
            } else {
                scope.patients.formUnion(RelationshipQueries.supervisedPatients(of: user, facts: facts, now: now))
            }
        }
        if actor.roles.contains(.programmeLead), lists(.programmeRoster) { scope.allRows = true }
        if actor.roles.contains(.admin), lists(.accountAdministration) { scope.allRows = true }
        if actor.holdsAny(of: Role.clinicalStaff), lists(.breakGlass) {
            let glass = RelationshipQueries.breakGlassPatients(of: user, facts: facts, now: now)
            let ordinary = scope.patients
            scope.patients.formUnion(glass)
            scope.breakGlassPatients = glass.subtracting(ordinary)
        }
        return scope
    }

    /// The rows of `kind` an aggregate query (counts, means, distributions; never row contents) may
    /// include. A programme lead aggregates over every patient for demographics and structured clinical
    /// kinds; everyone else aggregates over what they may list.
    public static func aggregateScope(actor: AccessActor, kind: RecordKind, facts: AccessFacts, now: Date) -> ListScope {
        var scope = listScope(actor: actor, kind: kind, facts: facts, now: now)
        let aggregable: Set<ContentClass> = [.demographics, .structuredClinical]
        if actor.roles.contains(.programmeLead), aggregable.contains(kind.contentClass) { scope.allRows = true }
        return scope
    }
}
