import Foundation
import MentalizeCore
import Testing

/// Relationship edge cases: boundaries, two-sided relationships, other patients, deny reasons.
struct AccessRelationshipTests {
    typealias Fx = AccessFixtures

    func decide(_ roles: Set<Role>, _ action: AccessAction, _ record: RecordDescriptor, _ facts: AccessFacts,
                at now: Date = Fx.now) -> AccessDecision {
        AccessPolicy.decide(actor: AccessActor(userID: Fx.actorID, roles: roles), action: action, record: record,
                            facts: facts, now: now)
    }

    @Test("a relationship is current from its start (inclusive) to its end (exclusive)")
    func periodBoundaries() {
        // setup
        let start = Fx.now
        let end = Fx.now.addingTimeInterval(Fx.day)
        let facts = AccessFacts(caseload: [CaseloadAssignment(therapistID: Fx.actorID, patientID: Fx.patientID,
                                                             period: ValidityPeriod(start: start, end: end))])
        let note = Fx.record(.sessionNote)
        // verify
        #expect(!decide([.therapist], .read, note, facts, at: start.addingTimeInterval(-0.001)).isAllowed)
        #expect(decide([.therapist], .read, note, facts, at: start) == .allow(.caseload))
        #expect(decide([.therapist], .read, note, facts, at: end.addingTimeInterval(-0.001)) == .allow(.caseload))
        #expect(!decide([.therapist], .read, note, facts, at: end).isAllowed)
    }

    @Test("co-therapy opens a member's group records only while both the group link and the membership hold",
          arguments: Fx.State.allCases, Fx.State.allCases)
    func coTherapyNeedsBoth(link: Fx.State, membership: Fx.State) {
        // setup
        var facts = AccessFacts()
        if link != .absent { facts.coTherapy = [CoTherapyLink(therapistID: Fx.actorID, groupID: Fx.groupID, period: Fx.period(link))] }
        if membership != .absent {
            facts.groupMemberships = [GroupMembership(patientID: Fx.patientID, groupID: Fx.groupID, period: Fx.period(membership))]
        }
        // act
        let decision = decide([.therapist], .read, Fx.record(.sessionNote), facts)
        // verify
        #expect(decision.isAllowed == (link == .current && membership == .current))
    }

    @Test("co-therapy does not open the member's individual records or another group's records")
    func coTherapyOnlyGroupRecords() {
        // setup
        let facts = Fx.facts(.coTherapy, .current)
        let individual = RecordDescriptor(kind: .sessionNote, patientID: Fx.patientID)
        let otherGroup = RecordDescriptor(kind: .sessionNote, patientID: Fx.patientID,
                                          groupID: GroupID(UUID(uuidString: "00000000-0000-0000-0000-000000000299") ?? UUID()))
        // verify
        #expect(decide([.therapist], .read, individual, facts) == .deny(.noRelationship))
        #expect(decide([.therapist], .read, otherGroup, facts) == .deny(.noRelationship))
        #expect(decide([.therapist], .read, Fx.record(.sessionNote), facts) == .allow(.coTherapy))
    }

    @Test("supervision reaches only the supervised therapist's current caseload", arguments: Fx.State.allCases)
    func supervisionFollowsCaseload(caseload: Fx.State) {
        // setup
        var facts = AccessFacts(supervision: [SupervisionLink(supervisorID: Fx.actorID, therapistID: Fx.otherTherapistID,
                                                              period: Fx.period(.current))])
        if caseload != .absent {
            facts.caseload = [CaseloadAssignment(therapistID: Fx.otherTherapistID, patientID: Fx.patientID, period: Fx.period(caseload))]
        }
        // act
        let decision = decide([.supervisor], .read, Fx.record(.sessionNote), facts)
        // verify
        #expect(decision.isAllowed == (caseload == .current))
    }

    @Test("relationships to one patient never open another patient's records", arguments: Fx.Relationship.allCases)
    func otherPatientStaysClosed(relationship: Fx.Relationship) {
        // setup
        let facts = Fx.facts(relationship, .current)
        let roles: Set<Role> = [.patient, .therapist, .supervisor]
        // A fidelity rating follows the rated therapist, not the patient (the table and property
        // tests check who reaches it).
        for kind in RecordKind.allCases where ![.accountData, .demographics, .fidelityRating].contains(kind) {
            for action in AccessAction.allCases {
                // act
                let decision = decide(roles, action, Fx.record(kind, patient: Fx.otherPatientID), facts)
                // verify
                #expect(!decision.isAllowed, "\(relationship) opened \(action) \(kind) of another patient")
            }
        }
    }

    @Test("deny reasons say why")
    func denyReasons() {
        let caseload = Fx.facts(.caseload, .current)
        #expect(decide([.therapist], .read, Fx.record(.sessionNote), AccessFacts()) == .deny(.noRelationship))
        #expect(decide([.supervisor], .write, Fx.record(.sessionNote), Fx.facts(.supervision, .current)) == .deny(.actionNotPermitted))
        #expect(decide([.therapist], .read, Fx.record(.processNote), caseload) == .deny(.processNoteRestricted))
        #expect(decide([.therapist], .read, Fx.record(.privateDiaryEntry), caseload) == .deny(.patientPrivate))
        #expect(decide([.therapist], .read, RecordDescriptor(kind: .sessionNote, patientID: nil), caseload) == .deny(.malformedRecord))
    }

    @Test("every user reads their own account but only admins change accounts")
    func ownAccount() {
        // setup
        let mine = RecordDescriptor(kind: .accountData, patientID: nil, subjectUserID: Fx.actorID)
        // verify
        for roles in Fx.roleSets {
            #expect(decide(roles, .read, mine, AccessFacts()).isAllowed)
            #expect(decide(roles, .write, mine, AccessFacts()).isAllowed == roles.contains(.admin))
        }
        #expect(decide([.patient], .read, mine, AccessFacts()) == .allow(.ownAccount))
    }
}
