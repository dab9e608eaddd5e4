import Foundation
import MentalizeCore
import Testing

/// The policy table as a security auditor would read it, checked exhaustively:
/// every role x every record kind x every action x every relationship x every relationship state.
///
/// Cells list the allowed actions: r = read, l = list, w = write, e = export, - = nothing.
/// `baseline` is what the role may do with no relationship to the patient (or with one that is
/// ended, not yet started or absent). Each relationship row is what the role may do while that
/// relationship is current. A role/relationship pair not listed gives the baseline.
/// Records are about the patient, tied to the patient's group, and (process notes) written by another
/// therapist naming another supervisor; account records describe another user.
struct AccessPolicyTableTests {
    static let columns: [RecordKind] = [
        .demographics, .measureResponse, .riskAlert, .clinicalEvent, .sessionNote, .formulation, .crisisPlan,
        .formulationResponse, .selfReport, .sharedDiaryEntry, .message, .processNote, .noteReview, .fidelityRating, .privateDiaryEntry, .accountData,
    ]

    //                     demogr  measure alert   event   note    formul  crisis  fresp   report  shared  message process review  fidel   private account
    static let expected: [Role: [String: [String]]] = [
        .patient: [
            "baseline":   ["-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-"],
            "ownLink":    ["rle",  "rlwe", "-",    "-",    "-",    "rle",  "rle",  "rlwe", "we",   "rlwe", "rlwe", "-",    "-",    "-",    "rlwe", "-"],
        ],
        .therapist: [
            "baseline":   ["-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-"],
            "caseload":   ["rlwe", "rlwe", "rlwe", "rlwe", "rlwe", "rlwe", "rlwe", "rle",  "-",    "rle",  "rlwe", "-",    "rl",   "-",    "-",    "-"],
            "coTherapy":  ["rl",   "rlw",  "rlw",  "rlw",  "rlw",  "-",    "rl",   "-",    "-",    "-",    "-",    "-",    "rl",   "-",    "-",    "-"],
            "breakGlass": ["rl",   "rl",   "rlw",  "rlw",  "rlw",  "rl",   "rl",   "rl",   "-",    "rl",   "rl",   "-",    "rl",   "-",    "-",    "-"],
        ],
        .supervisor: [
            "baseline":   ["-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-"],
            "supervision":["rl",   "rl",   "rl",   "rl",   "rl",   "rl",   "rl",   "rl",   "-",    "rl",   "rl",   "-",    "rlw",  "rl",   "-",    "-"],
            "breakGlass": ["rl",   "rl",   "rlw",  "rlw",  "rlw",  "rl",   "rl",   "rl",   "-",    "rl",   "rl",   "-",    "rl",   "-",    "-",    "-"],
        ],
        .programmeLead: [
            "baseline":   ["rl",   "-",    "rlw",  "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "lw",   "-",    "-"],
            "breakGlass": ["rl",   "rl",   "rlw",  "rlw",  "rlw",  "rl",   "rl",   "rl",   "-",    "rl",   "rl",   "-",    "rl",   "lw",   "-",    "-"],
        ],
        .admin: [
            "baseline":   ["-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "-",    "rlw"],
        ],
    ]

    static func letter(_ action: AccessAction) -> Character {
        switch action {
        case .read: "r"
        case .list: "l"
        case .write: "w"
        case .export: "e"
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let role: Role
        let relationship: AccessFixtures.Relationship
        let state: AccessFixtures.State
        var testDescription: String { "\(role) \(relationship) \(state)" }
    }

    static let cases: [Case] = Role.allCases.flatMap { role in
        AccessFixtures.Relationship.allCases.flatMap { relationship in
            AccessFixtures.State.allCases.map { Case(role: role, relationship: relationship, state: $0) }
        }
    }

    @Test("every kind x action matches the table", arguments: cases)
    func tableHolds(_ probe: Case) throws {
        // setup
        let actor = AccessActor(userID: AccessFixtures.actorID, roles: [probe.role])
        let facts = AccessFixtures.facts(probe.relationship, probe.state)
        let rows = try #require(Self.expected[probe.role])
        let rowName = probe.state == .current && rows[probe.relationship.rawValue] != nil
            ? probe.relationship.rawValue : "baseline"
        let row = try #require(rows[rowName])
        try #require(row.count == Self.columns.count)
        for (kind, cell) in zip(Self.columns, row) {
            for action in AccessAction.allCases {
                // act
                let decision = AccessPolicy.decide(actor: actor, action: action, record: AccessFixtures.record(kind),
                                                   facts: facts, now: AccessFixtures.now)
                // verify
                #expect(decision.isAllowed == cell.contains(Self.letter(action)),
                        "\(probe.role) \(probe.relationship) \(probe.state): \(action) \(kind) gave \(decision)")
            }
        }
    }

    @Test("the table covers every record kind in order")
    func columnsCoverEveryKind() {
        #expect(Self.columns == RecordKind.allCases)
    }

    @Test("break-glass allows are marked as break-glass, ordinary allows are not")
    func breakGlassMarking() {
        // setup
        let actor = AccessActor(userID: AccessFixtures.actorID, roles: [.therapist])
        let glass = AccessFixtures.facts(.breakGlass, .current)
        let caseload = AccessFixtures.facts(.caseload, .current)
        var both = caseload
        both.breakGlass = glass.breakGlass
        let note = AccessFixtures.record(.sessionNote)
        // act
        let viaGlass = AccessPolicy.decide(actor: actor, action: .read, record: note, facts: glass, now: AccessFixtures.now)
        let viaBoth = AccessPolicy.decide(actor: actor, action: .read, record: note, facts: both, now: AccessFixtures.now)
        // verify
        #expect(viaGlass == .allow(.breakGlass))
        #expect(viaGlass.isBreakGlass)
        #expect(viaBoth == .allow(.caseload))
        #expect(!viaBoth.isBreakGlass)
    }
}
