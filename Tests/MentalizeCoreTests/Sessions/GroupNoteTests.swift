import Foundation
import MentalizeCore
import Testing

@Suite struct GroupNoteTests {
    let anna = PatientID(UUID())
    let bram = PatientID(UUID())
    let chloe = PatientID(UUID())

    func names() throws -> [PatientID: PersonName] {
        [anna: try PersonName(given: "Anna", family: "de Vries"),
         bram: try PersonName(given: "Bram", family: "Öztürk-Jansen"),
         chloe: try PersonName(given: "Chloë", family: "O'Brien")]
    }

    func body() throws -> SessionNoteBody {
        try SessionNoteBody(interventions: [.mentalizingTheRelationship], narrative: "The group explored being left out.",
                            risk: try RiskUpdate(change: .noConcerns), plan: "Return to the theme of exclusion.")
    }

    @Test func initialsKeepParticlesSplitHyphensAndNumberCollisions() throws {
        #expect(try PersonName(given: "Anna", family: "de Vries").initials == "A.d.V.")
        #expect(try PersonName(given: "Jean-Luc", family: "Picard").initials == "J.L.P.")
        #expect(try PersonName(given: "chloë", family: "o'brien").initials == "c.o.b.")
        #expect(try PersonName(given: "Øystein", family: "").initials == "Ø.")
        let twin = PatientID(UUID())
        var group = try names()
        group[twin] = try PersonName(given: "Arie", family: "de Vos")
        let directory = Initials.directory(group)
        #expect(directory[twin] == "A.d.V.")
        #expect(directory[anna] == "A.d.V. (2)")
        #expect(directory[bram] == "B.Ö.J.")
        #expect(throws: NoteRefusal.emptyName) { try PersonName(given: " ", family: "") }
    }

    @Test func otherMembersNamesAreFlaggedButInitialsAndOwnNameAreNot() throws {
        let names = try names()
        let text = "Anna told B.Ö.J. that Chloe and Mrs Obrien were cold; later Jansen said de Vries was kind. She will vries."
        let mentions = NamePrivacy.mentions(in: text, names: names, excluding: anna)
        #expect(Set(mentions.map(\.word)) == ["Chloe", "Jansen"])
        #expect(Set(mentions.map(\.patient)) == [chloe, bram])
        let all = NamePrivacy.mentions(in: text, names: names)
        #expect(Set(all.map(\.word)) == ["Anna", "Chloe", "Jansen", "Vries"])
    }

    @Test func aGroupNoteIsSignedOnlyWithANoteForEveryMemberAndNoNames() throws {
        // setup
        let context = GroupNoteContext(members: try names())
        var content = GroupSessionNote(body: try body(), memberNotes: [
            try MemberNote(patient: anna, text: "Anna spoke first; C.O.B. responded warmly."),
            try MemberNote(patient: bram, text: "Quiet; reacted when Chloë arrived late."),
        ])
        var note = SignableNote(id: NoteID(UUID()), session: BookingID(source: UUID(), date: try LocalDate(iso: "2024-03-05")),
                                author: UserID(UUID()), content: content)
        // act + verify
        #expect(throws: NoteRefusal.incomplete([.memberNotes(missing: ["C.O.B."]), .namesInsteadOfInitials(["Chloë"])])) { try note.sign(by: note.author, at: Date(timeIntervalSince1970: 0), context: context) }
        content.setMemberNote(try MemberNote(patient: bram, text: "Quiet; reacted when C.O.B. arrived late."))
        content.setMemberNote(try MemberNote(patient: chloe, text: "Arrived late, apologised.", observed: try ObservedMentalizing(modes: [.teleological])))
        try note.edit(content)
        try note.sign(by: note.author, at: Date(timeIntervalSince1970: 0), context: context)
        #expect(note.isSigned)
    }

    @Test func notesOnNonMembersAndOverlongMemberNotesAreRefused() throws {
        let content = GroupSessionNote(body: try body(), memberNotes: [try MemberNote(patient: PatientID(UUID()), text: "Visitor.")])
        let problems = content.signingProblems(in: GroupNoteContext(members: [:]))
        #expect(problems == [.notesOnNonMembers])
        #expect(throws: NoteRefusal.tooLong(field: .memberNote, limit: 1000)) {
            try MemberNote(patient: anna, text: String(repeating: "x", count: 1001))
        }
    }
}
