import Foundation
import MentalizeCore

/// Shared people, dates and relationship fixtures for the access tests.
enum AccessFixtures {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 86_400

    static let actorID = UserID(UUID(uuidString: "00000000-0000-0000-0000-00000000000A") ?? UUID())
    static let otherTherapistID = UserID(UUID(uuidString: "00000000-0000-0000-0000-00000000000B") ?? UUID())
    static let otherSupervisorID = UserID(UUID(uuidString: "00000000-0000-0000-0000-00000000000C") ?? UUID())
    static let patientID = PatientID(UUID(uuidString: "00000000-0000-0000-0000-000000000101") ?? UUID())
    static let otherPatientID = PatientID(UUID(uuidString: "00000000-0000-0000-0000-000000000102") ?? UUID())
    static let groupID = GroupID(UUID(uuidString: "00000000-0000-0000-0000-000000000201") ?? UUID())

    /// The state of the one relationship a fixture sets up.
    enum State: String, CaseIterable {
        case current, ended, notYetStarted, absent
    }

    /// The relationship a fixture sets up between the actor and `patientID`.
    enum Relationship: String, CaseIterable {
        case ownLink, caseload, supervision, coTherapy, breakGlass
    }

    static func period(_ state: State) -> ValidityPeriod {
        switch state {
        case .current: ValidityPeriod(start: now.addingTimeInterval(-day), end: now.addingTimeInterval(day))
        case .ended: ValidityPeriod(start: now.addingTimeInterval(-10 * day), end: now)
        case .notYetStarted, .absent: ValidityPeriod(start: now.addingTimeInterval(1))
        }
    }

    static func grantTime(_ state: State) -> Date {
        switch state {
        case .current: now.addingTimeInterval(-30 * 60)
        case .ended: now.addingTimeInterval(-BreakGlassGrant.defaultDuration)
        case .notYetStarted, .absent: now.addingTimeInterval(1)
        }
    }

    /// Facts holding `relationship` in `state` for the actor and `patientID`. Supporting facts that are not
    /// under test (the supervised therapist's caseload, the patient's group membership) are current.
    static func facts(_ relationship: Relationship, _ state: State) -> AccessFacts {
        var facts = AccessFacts()
        let span = period(state)
        switch relationship {
        case .ownLink:
            if state != .absent { facts.patientAccounts = [PatientAccountLink(userID: actorID, patientID: patientID, period: span)] }
        case .caseload:
            if state != .absent { facts.caseload = [CaseloadAssignment(therapistID: actorID, patientID: patientID, period: span)] }
        case .supervision:
            facts.caseload = [CaseloadAssignment(therapistID: otherTherapistID, patientID: patientID, period: period(.current))]
            if state != .absent { facts.supervision = [SupervisionLink(supervisorID: actorID, therapistID: otherTherapistID, period: span)] }
        case .coTherapy:
            facts.groupMemberships = [GroupMembership(patientID: patientID, groupID: groupID, period: period(.current))]
            if state != .absent { facts.coTherapy = [CoTherapyLink(therapistID: actorID, groupID: groupID, period: span)] }
        case .breakGlass:
            if state != .absent {
                facts.breakGlass = [BreakGlassGrant(staffID: actorID, patientID: patientID, reason: "crisis call", grantedAt: grantTime(state))]
            }
        }
        return facts
    }

    /// A record of `kind` about `patientID`, tied to the group, written by someone other than the actor
    /// (a fidelity rating rates the supervised therapist's session).
    static func record(_ kind: RecordKind, patient: PatientID = patientID) -> RecordDescriptor {
        RecordDescriptor(kind: kind, patientID: kind == .accountData ? nil : patient, groupID: groupID,
                         authorID: kind == .processNote || kind == .fidelityRating ? otherTherapistID : nil,
                         namedSupervisorID: kind == .processNote ? otherSupervisorID : nil,
                         subjectUserID: kind == .accountData ? otherTherapistID : nil)
    }

    /// Every combination of roles, including none.
    static let roleSets: [Set<Role>] = (0..<(1 << Role.allCases.count)).map { mask in
        Set(Role.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
    }
}
