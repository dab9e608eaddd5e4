import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// MBT session notes: drafts, signing (complete notes only), locking, addenda; group notes need a
/// short note per member and refer to other members by initials only. Attendance and the
/// caseload's drop-out warning.
@Suite struct NotesTests {
    static let complete: [String: String] = [
        "intervention.stopAndRewind": "on", "mode.psychicEquivalence": "on", "pole.selfOther": "self", "narrative": "Explored a row with a friend.",
        "risk": "unchanged", "plan": "Return to the episode next week.",
    ]

    @Test func aNoteIsSignedOnlyWhenCompleteThenLockedWithAddendaOnly() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Avery's last session has no note yet (the seed leaves last week's notes to write).
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session)
            #expect(try await ash.get(path).body.string.contains("No note yet"))
            // act + verify: incomplete signing is refused and the text is kept
            let incomplete = try await ash.post(path + "/note", form: ["narrative": "Half written.", "action": "sign"])
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.body.string.contains("Record at least one intervention used.") && incomplete.body.string.contains("Half written."))
            #expect(try await ash.post(path + "/note", form: ["narrative": "Half written.", "action": "save"]).status == .seeOther)
            #expect(try await SessionNoteRecord.query(on: app.db).filter(\.$sourceID == session.key.source).filter(\.$sessionDate == session.key.date.description).first()?.state == "draft")
            #expect(try await ash.get("/home").body.string.contains("Draft, not signed"), "the therapist's day lists the draft")
            var fields = Self.complete
            fields["action"] = "sign"
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            let signed = try await ash.get(path).body.string
            #expect(signed.contains("Signed by Robin Ash (demo therapist)") && signed.contains("Stop and rewind") && signed.contains("Psychic equivalence"))
            fields["narrative"] = "Rewritten afterwards."
            let edit = try await ash.post(path + "/note", form: fields)
            #expect(edit.status == .badRequest && edit.body.string.contains("Add an addendum instead."))
            #expect(try await ash.post(path + "/addendum", form: ["text": "  "]).status == .badRequest)
            #expect(try await ash.post(path + "/addendum", form: ["text": "Patient phoned the next day; settled."]).status == .seeOther)
            let after = try await ash.get(path).body.string
            #expect(after.contains("Patient phoned the next day; settled.") && after.contains("Explored a row with a friend.") && !after.contains("Rewritten afterwards."))
            // Another therapist cannot reach it; the supervisor reads it but cannot write.
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get(path).status == .notFound)
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await cedar.get(path).status == .ok)
            #expect(try await cedar.post(path + "/addendum", form: ["text": "x"]).status == .notFound)
        }
    }

    @Test func aGroupNoteNeedsEveryMemberAndInitialsOnly() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.groupID == SessionFixtures.tuesdayGroup })
            let path = SessionFixtures.path(session)
            let page = try await ash.get(path).body.string
            #expect(page.contains("A.T.") && page.contains("Avery Testpatient"), "members with their initials (numbered when they collide)")
            let members = try await GroupRosterQueries(database: app.db).members(of: SessionFixtures.tuesdayGroup, at: session.slot.start)
            #expect(members.count == 4)
            var fields = Self.complete
            fields["action"] = "sign"
            for member in members { fields["member.\(try member.requireID().uuidString)"] = "Engaged well." }
            let averyField = "member.\(SessionFixtures.avery.id.uuidString)"
            fields[averyField] = "Responded warmly when Blake spoke about a loss."
            let named = try await ash.post(path + "/note", form: fields)
            #expect(named.status == .badRequest && named.body.string.contains("Refer to other members by initials only (found: Blake)"))
            fields[averyField] = nil
            let missing = try await ash.post(path + "/note", form: fields)
            #expect(missing.status == .badRequest && missing.body.string.contains("Write a short note for each member"))
            fields[averyField] = "Responded warmly when B.T. spoke about a loss."
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            let note = try #require(try await SessionNoteRecord.query(on: app.db).filter(\.$sourceID == session.key.source).filter(\.$sessionDate == session.key.date.description).first())
            #expect(note.state == "signed" && note.kind == "group")
            // Birch co-leads the group, so the group note is open to Birch too.
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get(path).body.string.contains("Responded warmly when B.T. spoke about a loss."))
        }
    }

    @Test func aLongNoteSentOverARealConnectionIsSaved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a real HTTP server, so a long form arrives in several reads, as from a browser
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id, live: true)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session)
            #expect(try await ash.get(path).status == .ok)
            let narrative = String(repeating: "She said \"you never listen\" & I felt 100% unheard; we slowed down. ", count: 280)
            try #require(narrative.count < SessionNoteBody.narrativeLimit && narrative.utf8.count > 16_384)
            var fields = Self.complete
            fields["narrative"] = narrative
            fields["action"] = "save"
            // act
            let saved = try await ash.post(path + "/note", form: fields)
            // verify
            #expect(saved.status == .ok && saved.body.string.contains("Draft"), "saved, and the live client followed the redirect to the session")
            #expect(try await SessionNoteRecord.query(on: app.db).filter(\.$sourceID == session.key.source).filter(\.$sessionDate == session.key.date.description).first()?.state == "draft")
            #expect(try await ash.get(path).body.string.contains("we slowed down. She said &quot;you never listen&quot;"))
        }
    }

    @Test func eachMemberNoteCarriesObservedMentalizingAndRiskAndAnIncreaseAlertsTheirTherapist() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.groupID == SessionFixtures.tuesdayGroup })
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            let members = try await GroupRosterQueries(database: app.db).members(of: SessionFixtures.tuesdayGroup, at: session.slot.start)
            var fields = Self.complete
            for member in members { fields["member.\(try member.requireID().uuidString)"] = "Took part." }
            let avery = "member.\(SessionFixtures.avery.id.uuidString)"
            fields[avery + ".mode.teleological"] = "on"
            fields[avery + ".pole.cognitiveAffective"] = "affective"
            fields[avery + ".risk"] = "increased"
            // act: an increase without a summary is refused and nothing typed is lost
            fields["action"] = "save"
            let refused = try await ash.post(path + "/note", form: fields)
            #expect(refused.status == .badRequest && refused.body.string.contains("A.T.: Say briefly how risk has increased."), "the refusal names whose part it is")
            let kept = refused.body.string
            #expect(kept.contains("id=\"\(avery).mode.teleological\" name=\"\(avery).mode.teleological\" checked"))
            #expect(kept.contains("<option value=\"affective\" selected>"))
            fields[avery + ".riskSummary"] = "Spoke of urges to self-harm after the session; crisis plan reviewed with A.T."
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            // verify: the draft shows the member's details open, then signing keeps them
            #expect(try await ash.get(path).body.string.contains("<details class=\"member-note__more\" open>"))
            let blake = "member.\(SessionFixtures.blake.id.uuidString)"
            fields[blake + ".risk"] = "increased"
            fields[blake + ".riskSummary"] = "Described a recent overdose; B.T.'s individual therapist to follow up."
            #expect(try await RiskAlert.query(on: app.db).count() == 0)
            fields["action"] = "sign"
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            // Blake's individual therapist (Birch) is alerted; Avery's is Ash, who wrote the note.
            let alerts = try await RiskAlert.query(on: app.db).all()
            #expect(alerts.map(\.$patient.id) == [SessionFixtures.blake.id] && alerts.first?.source == .groupNote)
            let recipients = try await RiskAlertRecipient.query(on: app.db).all()
            #expect(recipients.map(\.$user.id) == [DemoStaff.therapistBirch.id])
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let alertPage = try await birch.get("/alerts/\(try #require(alerts.first?.requireID()).uuidString)").body.string
            #expect(alertPage.contains("a group therapist&#39;s signed note") || alertPage.contains("a group therapist's signed note"))
            #expect(alertPage.contains("Risk increased in the group session on") && alertPage.contains("recorded by Robin Ash"))
            #expect(!alertPage.contains("overdose"), "the alert names the session, not the note's words")
            #expect(alertPage.contains("<dd><a href=\"/patients/\(SessionFixtures.blake.id.uuidString)\">a group therapist"), "the source links the chart, where the note's risk update is")
            #expect(!alertPage.contains("/measures\""), "no link to questionnaires for an alert they did not raise")
            let store = SessionNoteStore(database: app.db)
            let record = try #require(try await store.record(for: session.key))
            let note = try store.decode(record, as: GroupSessionNote.self)
            let averyNote = try #require(note.content.memberNotes[PatientID(SessionFixtures.avery.id)])
            #expect(averyNote.observed.modes == [.teleological] && averyNote.risk?.change == .increased)
            #expect(note.content.memberNotes[PatientID(SessionFixtures.blake.id)]?.observed == ObservedMentalizing.none)
            let signed = try await ash.get(path).body.string
            #expect(signed.contains("Teleological") && signed.contains("<span class=\"risk-change\">Increased</span> <span class=\"prewrap\">— Spoke of urges to self-harm"))
            // Blake's chart, for his own therapist, shows his part of the group note's risk.
            let blakeChart = try await birch.get("/patients/\(SessionFixtures.blake.id.uuidString)").body.string
            #expect(blakeChart.contains("Described a recent overdose") && blakeChart.contains("group session"))
        }
    }

    @Test func attendanceIsRecordedAndMissedRunsWarnOnTheCaseload() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let caseload = try await birch.get("/caseload").body.string
            #expect(caseload.contains("Blake Testpatient") && caseload.contains("missed in a row"), "the seed's drop-out warning")
            let blakePage = try await birch.get("/patients/\(SessionFixtures.blake.id.uuidString)/sessions").body.string
            #expect(blakePage.contains("Drop-out warning"))
            // Blake's latest session, individual or in his group: attending it ends the run.
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistBirch.id) {
                $0.patientID == SessionFixtures.blake.id || $0.groupID == SessionFixtures.tuesdayGroup
            })
            let path = SessionFixtures.path(session)
            try await birch.get(path)
            let field = "mark.\(SessionFixtures.blake.id.uuidString)"
            let noNotice = try await birch.post(path + "/attendance", form: [field: "cancelledByPatient"])
            #expect(noNotice.status == .badRequest && noNotice.body.string.contains("give the date and time the clinic was told"))
            #expect(try await birch.post(path + "/attendance", form: [field: "attended"]).status == .seeOther)
            let entry = try await AttendanceEntry.query(on: app.db).filter(\.$sourceID == session.key.source).filter(\.$sessionDate == session.key.date.description).first()
            #expect(entry?.mark == "attended")
            #expect(!(try await birch.get("/caseload").body.string.contains("missed in a row")), "attending ends the run")
        }
    }
}
