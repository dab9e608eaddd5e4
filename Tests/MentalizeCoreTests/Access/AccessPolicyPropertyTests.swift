import Foundation
@testable import MentalizeCore
import Testing

/// Property-style checks over every role combination, relationship, state, kind and action.
struct AccessPolicyPropertyTests {
    typealias Fx = AccessFixtures

    /// Every (role set, relationship, state) world the fixtures can build.
    static let worlds: [(roles: Set<Role>, facts: AccessFacts)] = Fx.roleSets.flatMap { roles in
        Fx.Relationship.allCases.flatMap { relationship in
            Fx.State.allCases.map { (roles: roles, facts: Fx.facts(relationship, $0)) }
        }
    }

    @Test("every allow names a basis that holds and whose table row contains the action")
    func noAllowWithoutBasis() {
        var allows = 0
        for world in Self.worlds {
            let actor = AccessActor(userID: Fx.actorID, roles: world.roles)
            for kind in RecordKind.allCases {
                let record = Fx.record(kind)
                for action in AccessAction.allCases {
                    // act
                    let decision = AccessPolicy.decide(actor: actor, action: action, record: record,
                                                       facts: world.facts, now: Fx.now)
                    guard case .allow(let basis) = decision else { continue }
                    allows += 1
                    // verify
                    #expect(AccessGrantTable.actions(for: basis, on: kind).contains(action))
                    #expect(AccessPolicy.holds(basis, actor: actor, record: record, facts: world.facts, now: Fx.now))
                }
            }
        }
        #expect(allows > 0)
    }

    @Test("an actor with no roles is denied everything")
    func noRolesNoAccess() {
        for world in Self.worlds {
            let actor = AccessActor(userID: Fx.actorID, roles: [])
            for kind in RecordKind.allCases {
                for action in AccessAction.allCases {
                    let decision = AccessPolicy.decide(actor: actor, action: action, record: Fx.record(kind),
                                                       facts: world.facts, now: Fx.now)
                    #expect(!decision.isAllowed)
                }
            }
        }
    }

    @Test("an expired or future break-glass grant never allows and changes nothing")
    func expiredBreakGlassNeverAllows() {
        for roles in Fx.roleSets {
            let actor = AccessActor(userID: Fx.actorID, roles: roles)
            for state in [Fx.State.ended, .notYetStarted] {
                let facts = Fx.facts(.breakGlass, state)
                for kind in RecordKind.allCases {
                    for action in AccessAction.allCases {
                        let record = Fx.record(kind)
                        // act
                        let withGrant = AccessPolicy.decide(actor: actor, action: action, record: record, facts: facts, now: Fx.now)
                        let without = AccessPolicy.decide(actor: actor, action: action, record: record, facts: AccessFacts(), now: Fx.now)
                        // verify
                        #expect(withGrant == without)
                        #expect(!withGrant.isBreakGlass)
                    }
                }
            }
        }
    }

    @Test("a break-glass grant expires exactly 60 minutes after it was granted")
    func breakGlassDefaultDuration() {
        // setup
        let grant = BreakGlassGrant(staffID: Fx.actorID, patientID: Fx.patientID, reason: "r", grantedAt: Fx.now)
        // verify
        #expect(grant.isCurrent(at: Fx.now))
        #expect(grant.isCurrent(at: Fx.now.addingTimeInterval(3599)))
        #expect(!grant.isCurrent(at: Fx.now.addingTimeInterval(3600)))
        #expect(!grant.isCurrent(at: Fx.now.addingTimeInterval(-1)))
    }

    @Test("process notes are reachable only by their author and the supervisor the author named")
    func processNotesNeverLeak() {
        for world in Self.worlds {
            // The actor is neither author nor named supervisor, whatever roles and relationships it holds.
            let actor = AccessActor(userID: Fx.actorID, roles: world.roles)
            for action in AccessAction.allCases {
                let decision = AccessPolicy.decide(actor: actor, action: action, record: Fx.record(.processNote),
                                                   facts: world.facts, now: Fx.now)
                #expect(!decision.isAllowed)
            }
        }
    }

    @Test("the author reads, lists and writes a process note; the named supervisor reads and lists; nobody exports")
    func processNoteAuthorAndSupervisor() {
        // setup
        let note = Fx.record(.processNote)
        let author = AccessActor(userID: Fx.otherTherapistID, roles: [.therapist])
        let supervisor = AccessActor(userID: Fx.otherSupervisorID, roles: [.supervisor])
        let supervisorWithoutRole = AccessActor(userID: Fx.otherSupervisorID, roles: [.therapist, .programmeLead])
        func allowed(_ actor: AccessActor) -> Set<AccessAction> {
            Set(AccessAction.allCases.filter {
                AccessPolicy.decide(actor: actor, action: $0, record: note, facts: AccessFacts(), now: Fx.now).isAllowed
            })
        }
        // verify
        #expect(allowed(author) == [.read, .list, .write])
        #expect(allowed(supervisor) == [.read, .list])
        #expect(allowed(supervisorWithoutRole).isEmpty)
    }

    @Test("a rater asked reads, lists and writes the rating; the rated therapist reads, lists and adds material; nobody else by those bases")
    func fidelityRaterAndRatedTherapist() {
        // setup
        let rating = RecordDescriptor(kind: .fidelityRating, patientID: Fx.patientID, authorID: Fx.otherTherapistID, raterIDs: [Fx.otherSupervisorID])
        func allowed(_ actor: AccessActor, _ record: RecordDescriptor = rating) -> Set<AccessAction> {
            Set(AccessAction.allCases.filter {
                AccessPolicy.decide(actor: actor, action: $0, record: record, facts: AccessFacts(), now: Fx.now).isAllowed
            })
        }
        let rater = AccessActor(userID: Fx.otherSupervisorID, roles: [.supervisor])
        let ratedTherapist = AccessActor(userID: Fx.otherTherapistID, roles: [.therapist])
        // verify
        #expect(allowed(rater) == [.read, .list, .write])
        #expect(allowed(ratedTherapist) == [.read, .list, .write])
        #expect(allowed(AccessActor(userID: Fx.otherSupervisorID, roles: [.programmeLead])) == [.list, .write], "without a rating role only the lead's roster basis")
        #expect(allowed(AccessActor(userID: Fx.otherTherapistID, roles: [.supervisor])).isEmpty, "the rated therapist's basis needs the therapist role")
        #expect(allowed(AccessActor(userID: Fx.actorID, roles: [.therapist, .supervisor])).isEmpty)
        #expect(allowed(rater, Fx.record(.sessionNote)).isEmpty, "being a rater opens no other kind")
        #expect(allowed(ratedTherapist, RecordDescriptor(kind: .processNote, patientID: Fx.patientID, authorID: Fx.actorID)).isEmpty)
        let groupClip = RecordDescriptor(kind: .fidelityRating, patientID: nil, groupID: Fx.groupID, authorID: Fx.otherTherapistID, raterIDs: [Fx.otherSupervisorID])
        #expect(allowed(rater, groupClip) == [.read, .list, .write], "a group session's rating has no one patient")
        #expect(AccessPolicy.decide(actor: rater, action: .read, record: RecordDescriptor(kind: .sessionNote, patientID: nil), facts: AccessFacts(), now: Fx.now)
            == .deny(.malformedRecord))
    }

    @Test("the private diary is reachable by the patient only")
    func privateDiaryIsPrivate() {
        for world in Self.worlds {
            let actor = AccessActor(userID: Fx.actorID, roles: world.roles)
            let ownsRecord = world.roles.contains(.patient)
                && !RelationshipQueries.ownPatients(of: Fx.actorID, facts: world.facts, now: Fx.now).isEmpty
            for action in AccessAction.allCases {
                let decision = AccessPolicy.decide(actor: actor, action: action, record: Fx.record(.privateDiaryEntry),
                                                   facts: world.facts, now: Fx.now)
                #expect(decision.isAllowed == ownsRecord)
                if !decision.isAllowed { #expect(decision == .deny(.patientPrivate)) }
            }
        }
    }

    @Test("admins and programme leads never reach free-text clinical content without break-glass")
    func noFreeTextForLeadOrAdmin() {
        let freeText = RecordKind.allCases.filter { [.freeTextClinical, .processNote, .patientPrivate].contains($0.contentClass) }
        for world in Self.worlds {
            let actor = AccessActor(userID: Fx.actorID, roles: world.roles.intersection([.admin, .programmeLead]))
            var facts = world.facts
            facts.breakGlass = []
            for kind in freeText {
                for action in AccessAction.allCases {
                    #expect(!AccessPolicy.decide(actor: actor, action: action, record: Fx.record(kind), facts: facts, now: Fx.now).isAllowed)
                }
            }
        }
    }

    @Test("patients never see staff-only kinds, even about themselves")
    func patientsNeverSeeStaffOnlyKinds() {
        let actor = AccessActor(userID: Fx.actorID, roles: [.patient])
        let facts = Fx.facts(.ownLink, .current)
        for kind in RecordKind.allCases where kind.isStaffOnly {
            for action in AccessAction.allCases {
                #expect(!AccessPolicy.decide(actor: actor, action: action, record: Fx.record(kind), facts: facts, now: Fx.now).isAllowed)
            }
        }
    }
}
