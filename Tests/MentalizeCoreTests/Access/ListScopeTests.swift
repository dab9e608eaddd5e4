import Foundation
import MentalizeCore
import Testing

/// The list scope must agree with `decide(.list)` for every world, and say which patients are break-glass.
struct ListScopeTests {
    typealias Fx = AccessFixtures

    static func inScope(_ scope: ListScope, _ record: RecordDescriptor) -> Bool {
        if scope.allRows { return true }
        if let patient = record.patientID {
            if scope.patients.contains(patient) { return true }
            if let group = record.groupID, scope.groupRecords.contains(PatientInGroup(patientID: patient, groupID: group)) {
                return true
            }
        }
        return (scope.authoredByActor && record.authorID == Fx.actorID)
            || (scope.namingActorAsSupervisor && record.namedSupervisorID == Fx.actorID)
            || (record.authorID.map(scope.authors.contains) ?? false)
            || (scope.ratedByActor && record.raterIDs.contains(Fx.actorID))
    }

    @Test("a record is in the list scope exactly when decide allows listing it")
    func scopeAgreesWithDecide() {
        let records = RecordKind.allCases.flatMap { kind in
            [Fx.record(kind), Fx.record(kind, patient: Fx.otherPatientID),
             RecordDescriptor(kind: kind, patientID: kind == .accountData ? nil : Fx.patientID),
             RecordDescriptor(kind: kind, patientID: kind == .accountData ? nil : Fx.patientID, authorID: Fx.actorID),
             RecordDescriptor(kind: kind, patientID: kind == .accountData ? nil : Fx.patientID, raterIDs: [Fx.actorID])]
        }
        for roles in Fx.roleSets {
            let actor = AccessActor(userID: Fx.actorID, roles: roles)
            for relationship in Fx.Relationship.allCases {
                for state in Fx.State.allCases {
                    let facts = Fx.facts(relationship, state)
                    for record in records {
                        // act
                        let scope = AccessPolicy.listScope(actor: actor, kind: record.kind, facts: facts, now: Fx.now)
                        let decision = AccessPolicy.decide(actor: actor, action: .list, record: record, facts: facts, now: Fx.now)
                        // verify
                        #expect(Self.inScope(scope, record) == decision.isAllowed,
                                "\(roles) \(relationship) \(state) \(record.kind)")
                    }
                }
            }
        }
    }

    @Test("process notes are listed by author or naming supervisor, never by patient")
    func processNoteScope() {
        let therapist = AccessPolicy.listScope(actor: AccessActor(userID: Fx.actorID, roles: [.therapist]), kind: .processNote,
                                               facts: Fx.facts(.caseload, .current), now: Fx.now)
        let supervisor = AccessPolicy.listScope(actor: AccessActor(userID: Fx.actorID, roles: [.supervisor]), kind: .processNote,
                                                facts: Fx.facts(.supervision, .current), now: Fx.now)
        #expect(therapist.authoredByActor && !therapist.namingActorAsSupervisor && therapist.patients.isEmpty && !therapist.allRows)
        #expect(supervisor.authoredByActor && supervisor.namingActorAsSupervisor && supervisor.patients.isEmpty)
    }

    @Test("break-glass patients are flagged unless an ordinary relationship also covers them")
    func breakGlassFlag() {
        // setup
        let actor = AccessActor(userID: Fx.actorID, roles: [.therapist])
        var facts = Fx.facts(.breakGlass, .current)
        // act
        let glassOnly = AccessPolicy.listScope(actor: actor, kind: .sessionNote, facts: facts, now: Fx.now)
        facts.caseload = Fx.facts(.caseload, .current).caseload
        let both = AccessPolicy.listScope(actor: actor, kind: .sessionNote, facts: facts, now: Fx.now)
        // verify
        #expect(glassOnly.patients == [Fx.patientID] && glassOnly.breakGlassPatients == [Fx.patientID])
        #expect(both.patients == [Fx.patientID] && both.breakGlassPatients.isEmpty)
    }

    @Test("nobody in scope means an empty scope")
    func emptyScope() {
        let scope = AccessPolicy.listScope(actor: AccessActor(userID: Fx.actorID, roles: [.therapist, .supervisor, .patient]),
                                           kind: .sessionNote, facts: AccessFacts(), now: Fx.now)
        #expect(scope.isEmpty)
    }

    @Test("a programme lead aggregates structured data over all patients; lists the roster, risk alerts (escalations) and rated material (for second raters), no clinical rows")
    func leadAggregates() {
        let lead = AccessActor(userID: Fx.actorID, roles: [.programmeLead])
        for kind in RecordKind.allCases {
            let aggregate = AccessPolicy.aggregateScope(actor: lead, kind: kind, facts: AccessFacts(), now: Fx.now)
            let list = AccessPolicy.listScope(actor: lead, kind: kind, facts: AccessFacts(), now: Fx.now)
            let aggregable = kind.contentClass == .demographics || kind.contentClass == .structuredClinical
            #expect(aggregate.allRows == aggregable, "\(kind)")
            #expect(list.allRows == [.demographics, .riskAlert, .fidelityRating].contains(kind), "\(kind)")
        }
    }
}
