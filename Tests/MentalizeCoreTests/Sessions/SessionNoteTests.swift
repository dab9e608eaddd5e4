import Foundation
import MentalizeCore
import Testing

@Suite struct SessionNoteTests {
    let therapist = UserID(UUID())
    let signedAt = Date(timeIntervalSince1970: 1_709_650_800) // 2024-03-05 15:00 UTC

    func completeBody() throws -> SessionNoteBody {
        try SessionNoteBody(
            interventions: [.empathicValidation, .stopAndRewind],
            observed: try ObservedMentalizing(modes: [.psychicEquivalence], imbalances: [.otherFocused, .affective]),
            narrative: "Explored the argument with her sister.",
            risk: try RiskUpdate(change: .unchanged),
            plan: "Return to the moment she felt dismissed."
        )
    }

    func draft(_ body: SessionNoteBody) -> SignableNote<IndividualSessionNote> {
        SignableNote(id: NoteID(UUID()), session: BookingID(source: UUID(), date: nil), author: therapist, content: IndividualSessionNote(body: body))
    }

    @Test func aDraftCanBeEditedThenSignedAndIsThenLocked() throws {
        // setup
        var note = draft(try SessionNoteBody(narrative: "first thoughts"))
        try note.edit(IndividualSessionNote(body: try completeBody()))
        // act
        try note.sign(by: therapist, at: signedAt)
        // verify
        #expect(note.state == .signed(by: therapist, at: signedAt))
        #expect(throws: NoteRefusal.alreadySigned(by: therapist, at: signedAt)) {
            try note.edit(IndividualSessionNote(body: try SessionNoteBody(narrative: "changed")))
        }
        #expect(throws: NoteRefusal.alreadySigned(by: therapist, at: signedAt)) { try note.sign(by: therapist, at: signedAt) }
        #expect(note.content.body.narrative == "Explored the argument with her sister.")
    }

    @Test func addendaOnlyAfterSigningNotEmptyAndNotBackdated() throws {
        var note = draft(try completeBody())
        #expect(throws: NoteRefusal.notSigned) { try note.addAddendum("late detail", by: therapist, at: signedAt) }
        try note.sign(by: therapist, at: signedAt)
        #expect(throws: NoteRefusal.emptyAddendum) { try note.addAddendum(" \n ", by: therapist, at: signedAt) }
        #expect(throws: NoteRefusal.addendumBeforeSigning(signedAt: signedAt)) {
            try note.addAddendum("late detail", by: therapist, at: signedAt.addingTimeInterval(-60))
        }
        try note.addAddendum("  Patient phoned afterwards; agreed to bring it next week.\r\n", by: therapist, at: signedAt.addingTimeInterval(3600))
        #expect(note.addenda.map(\.text) == ["Patient phoned afterwards; agreed to bring it next week."])
    }

    @Test func anIncompleteNoteCannotBeSignedAndSaysWhatIsMissing() throws {
        var note = draft(try SessionNoteBody(narrative: "Short session."))
        #expect(throws: NoteRefusal.incomplete([.intervention, .riskUpdate, .plan])) {
            try note.sign(by: therapist, at: signedAt)
        }
        #expect(!note.isSigned)
    }

    @Test func observationsAndRiskAreValidated() throws {
        #expect(throws: NoteRefusal.bothPoles) { try ObservedMentalizing(imbalances: [.cognitive, .affective]) }
        #expect(throws: NoteRefusal.riskSummaryMissing(.increased)) { try RiskUpdate(change: .increased, summary: "  ") }
        #expect(try RiskUpdate(change: .increased, summary: "New self-harm urges.", crisisPlanReviewed: true).crisisPlanReviewed)
        #expect(throws: NoteRefusal.tooLong(field: .plan, limit: 4000)) { try SessionNoteBody(plan: String(repeating: "a", count: 4001)) }
        #expect(MBTIntervention.allCases.count == 7)
        #expect(MentalizingDimension.allCases.allSatisfy { dimension in MentalizingPole.allCases.filter { $0.dimension == dimension }.count == 2 })
    }

    @Test func signedNotesRoundTripThroughStorage() throws {
        var note = draft(try completeBody())
        try note.sign(by: therapist, at: signedAt)
        let data = try JSONEncoder().encode(note)
        #expect(try JSONDecoder().decode(SignableNote<IndividualSessionNote>.self, from: data) == note)
    }
}
