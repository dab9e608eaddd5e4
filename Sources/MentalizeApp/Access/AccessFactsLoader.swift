import Fluent
import Foundation
import MentalizeCore

/// Loads the relationship facts the access policy needs for one actor: their own patient record,
/// their caseload, the caseloads of therapists they supervise, the groups they run with their
/// members, and their break-glass grants. A handful of indexed queries per request.
struct AccessFactsLoader {
    let database: any Database

    func load(for userID: UUID) async throws -> AccessFacts {
        let user = UserID(userID)
        let ownPatients = try await Patient.query(on: database).filter(\.$user.$id == userID).all()
        let supervision = try await SupervisionLinkRecord.query(on: database).filter(\.$supervisor.$id == userID).all()
        let therapistIDs = [userID] + supervision.map { $0.$therapist.id }
        let caseload = try await CaseloadAssignmentRecord.query(on: database).filter(\.$therapist.$id ~~ therapistIDs).all()
        let coTherapy = try await GroupTherapistRecord.query(on: database).filter(\.$therapist.$id == userID).all()
        let groupIDs = coTherapy.map { $0.$group.id }
        let members = groupIDs.isEmpty ? [] : try await GroupMembershipRecord.query(on: database).filter(\.$group.$id ~~ groupIDs).all()
        let grants = try await BreakGlassGrantRecord.query(on: database).filter(\.$user.$id == userID).all()
        return AccessFacts(
            patientAccounts: try ownPatients.map { PatientAccountLink(userID: user, patientID: PatientID(try $0.requireID()), period: ValidityPeriod(start: .distantPast)) },
            caseload: caseload.map { CaseloadAssignment(therapistID: UserID($0.$therapist.id), patientID: PatientID($0.$patient.id), period: ValidityPeriod(start: $0.startsAt, end: $0.endsAt)) },
            supervision: supervision.map { SupervisionLink(supervisorID: user, therapistID: UserID($0.$therapist.id), period: ValidityPeriod(start: $0.startsAt, end: $0.endsAt)) },
            coTherapy: coTherapy.map { CoTherapyLink(therapistID: user, groupID: GroupID($0.$group.id), period: ValidityPeriod(start: $0.startsAt, end: $0.endsAt)) },
            groupMemberships: members.map { GroupMembership(patientID: PatientID($0.$patient.id), groupID: GroupID($0.$group.id), period: ValidityPeriod(start: $0.joinedAt, end: $0.leftAt)) },
            breakGlass: grants.map { BreakGlassGrant(staffID: user, patientID: PatientID($0.$patient.id), reason: $0.reason, grantedAt: $0.grantedAt, duration: $0.expiresAt.timeIntervalSince($0.grantedAt)) }
        )
    }
}
