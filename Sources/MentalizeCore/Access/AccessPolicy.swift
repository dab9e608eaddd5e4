public import Foundation

/// The access policy: decides (actor, action, record) from roles and current relationships.
/// Pure and deterministic; `now` is always passed in.
public enum AccessPolicy {
    /// Decides one access. Bases are tried in `AccessBasis.allCases` order, so break-glass is used only
    /// when no ordinary relationship allows the action.
    public static func decide(actor: AccessActor, action: AccessAction, record: RecordDescriptor,
                              facts: AccessFacts, now: Date) -> AccessDecision {
        // A fidelity rating is about the therapist's work: a group session's has no one patient.
        if record.kind != .accountData, record.kind != .fidelityRating, record.patientID == nil { return .deny(.malformedRecord) }
        var someBasisApplies = false
        for basis in AccessBasis.allCases {
            let permitted = AccessGrantTable.actions(for: basis, on: record.kind)
            guard !permitted.isEmpty, holds(basis, actor: actor, record: record, facts: facts, now: now) else {
                continue
            }
            if permitted.contains(action) { return .allow(basis) }
            someBasisApplies = true
        }
        if someBasisApplies { return .deny(.actionNotPermitted) }
        switch record.kind {
        case .processNote: return .deny(.processNoteRestricted)
        case .privateDiaryEntry: return .deny(.patientPrivate)
        default: return .deny(.noRelationship)
        }
    }

    /// True when `basis` holds for this actor and record at `now` (role plus current relationship).
    static func holds(_ basis: AccessBasis, actor: AccessActor, record: RecordDescriptor,
                      facts: AccessFacts, now: Date) -> Bool {
        switch basis {
        case .ownRecord:
            guard actor.roles.contains(.patient), let patient = record.patientID else { return false }
            return RelationshipQueries.ownPatients(of: actor.userID, facts: facts, now: now).contains(patient)
        case .ownAccount:
            return record.kind == .accountData && record.subjectUserID == actor.userID
        case .processNoteAuthor:
            return record.kind == .processNote && record.authorID == actor.userID
                && actor.holdsAny(of: [.therapist, .supervisor])
        case .namedSupervisor:
            return record.kind == .processNote && record.namedSupervisorID == actor.userID
                && actor.roles.contains(.supervisor)
        case .assignedRater:
            return record.kind == .fidelityRating && record.raterIDs.contains(actor.userID)
                && actor.holdsAny(of: [.therapist, .supervisor])
        case .ratedTherapist:
            return record.kind == .fidelityRating && record.authorID == actor.userID && actor.roles.contains(.therapist)
        case .caseload:
            guard actor.roles.contains(.therapist), let patient = record.patientID else { return false }
            return RelationshipQueries.caseload(of: actor.userID, facts: facts, now: now).contains(patient)
        case .coTherapy:
            guard actor.roles.contains(.therapist), let patient = record.patientID else { return false }
            let shared = RelationshipQueries.sharedGroups(therapist: actor.userID, patient: patient,
                                                          facts: facts, now: now)
            if record.kind.followsGroupMembership { return !shared.isEmpty }
            guard let group = record.groupID else { return false }
            return shared.contains(group)
        case .supervision:
            guard actor.roles.contains(.supervisor) else { return false }
            // Ratings of a supervisee's work follow the supervisee, not the patient.
            if record.kind == .fidelityRating {
                return record.authorID.map { RelationshipQueries.supervisees(of: actor.userID, facts: facts, now: now).contains($0) } ?? false
            }
            guard let patient = record.patientID else { return false }
            return RelationshipQueries.supervisedPatients(of: actor.userID, facts: facts, now: now).contains(patient)
        case .programmeRoster:
            return actor.roles.contains(.programmeLead)
        case .accountAdministration:
            return actor.roles.contains(.admin)
        case .breakGlass:
            guard actor.holdsAny(of: Role.clinicalStaff), let patient = record.patientID else { return false }
            return RelationshipQueries.breakGlassPatients(of: actor.userID, facts: facts, now: now).contains(patient)
        }
    }
}
