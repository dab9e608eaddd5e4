import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The note review loop: the lead sets a supervision to co-sign or approve; a signed note goes to
/// the supervisor's queue (with its count in the navigation); the supervisor returns it with a
/// comment, which unlocks it for the therapist while the signed version is kept; the therapist
/// revises and signs again; the supervisor counter-signs or approves. Every step is audited.
@Suite struct NoteReviewLoopTests {
    /// Ends the demo's Cedar → Ash supervision and starts it again in `mode`, as the lead does.
    static func superviseAsh(_ app: Application, mode: String) async throws -> WebClient {
        let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
        try await lead.get("/care-team")
        let link = try #require(try await SupervisionLinkRecord.query(on: app.db).filter(\.$supervisor.$id == DemoStaff.supervisor.id)
            .filter(\.$therapist.$id == DemoStaff.therapistAsh.id).filter(\.$endsAt == nil).first())
        #expect(try await lead.post("/care-team/\(try link.requireID())/end", form: [:]).status == .seeOther)
        let started = try await lead.post("/care-team", form: ["kind": "supervision", "supervisorID": DemoStaff.supervisor.id.uuidString,
                                                               "therapistID": DemoStaff.therapistAsh.id.uuidString, "purpose": "mbt", "mode": mode])
        #expect(started.status == .seeOther)
        return lead
    }

    static func noteRecord(_ app: Application, _ session: ScheduledSession) async throws -> SessionNoteRecord {
        try #require(try await SessionNoteRecord.query(on: app.db).filter(\.$sourceID == session.key.source).filter(\.$sessionDate == session.key.date.description).first())
    }

    @Test func coSignReturnReviseCounterSignKeepsBothVersionsAndAuditsEveryStep() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await Self.superviseAsh(app, mode: "co-sign")
            #expect(try await lead.get("/care-team").body.string.contains("<td>MBT supervision</td><td>Co-signs notes</td>"))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            var fields = NotesTests.complete
            fields["action"] = "sign"
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            #expect(try await Self.noteRecord(app, session).state == "signed", "under co-sign the signed note is in the record at once")

            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            let queue = try await cedar.get("/supervision", headers: ["X-Request-Id": "queue"]).body.string
            let waiting = String(try #require(queue.firstMatch(of: /<ol class="plain-list" id="awaiting-review">(.*?)<\/ol>/.dotMatchesNewlines())).1)
            #expect(waiting.contains("href=\"\(path)\"") && waiting.contains("Avery Testpatient") && waiting.contains("by Robin Ash (demo therapist)"))
            #expect(queue.contains("<td>Robin Ash (demo therapist)</td><td>MBT supervision</td><td>Co-signs notes</td>"))
            let nav = String(try #require(queue.firstMatch(of: /<nav class="staff-nav"[^>]*>(.*?)<\/nav>/.dotMatchesNewlines())).1)
            #expect(nav.contains("Supervision") && nav.contains(">1<"), "the navigation counts the note waiting")
            let listed = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "queue").filter(\.$recordType == "noteReview").all()
            #expect(listed.map(\.patientID) == [SessionFixtures.avery.id] && listed.allSatisfy { $0.action == "list" })

            // A return needs a comment; the form keeps what was typed.
            try await cedar.get(path)
            let empty = try await cedar.post(path + "/review", form: ["action": "return", "comment": "  "])
            #expect(empty.status == .badRequest && empty.body.string.contains("a returned note needs a comment"))
            let returned = try await cedar.post(path + "/review", form: ["action": "return", "comment": "Say what Avery felt before the row."],
                                                headers: ["X-Request-Id": "return"])
            #expect(returned.status == .seeOther)
            #expect(try await Self.noteRecord(app, session).state == "draft", "a returned note is unlocked for revision")
            let write = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "return").filter(\.$recordType == "noteReview").all()
            #expect(write.map(\.action) == ["write"] && write.first?.patientID == SessionFixtures.avery.id)

            let mine = try await ash.get(path).body.string
            #expect(mine.contains("Returned for revision") && mine.contains("Say what Avery felt before the row."))
            #expect(mine.contains("Version 1, signed") && mine.contains("Explored a row with a friend."), "the signed version is kept")
            #expect(try await ash.get("/home").body.string.contains("Draft, not signed"), "the returned note is back on the therapist's list")
            #expect(try await cedar.post(path + "/review", form: ["action": "complete"]).status == .conflict, "nothing waits while it is being revised")

            fields["narrative"] = "Explored a row with a friend; before it Avery felt shut out."
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            let versions = try await NoteVersionRecord.query(on: app.db).filter(\.$note.$id == (try Self.noteRecord(app, session).requireID())).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].noteJSON.contains("Explored a row with a friend.\"") && versions[1].noteJSON.contains("Avery felt shut out"))

            // Only the supervisor the note went to reviews it.
            #expect(try await ash.post(path + "/review", form: ["action": "complete"]).status == .notFound)
            #expect(try await cedar.post(path + "/review", form: ["action": "complete"]).status == .seeOther)
            let done = try await ash.get(path).body.string
            #expect(done.contains("Counter-signed") && done.contains("counter-signed version 2"))
            let review = try #require(try await NoteReviewRecord.query(on: app.db).first())
            #expect(review.status == "counter-signed" && review.awaitingSince == nil)
            #expect(try await cedar.get("/supervision").body.string.contains("No notes are waiting for you."))
        }
    }

    @Test func anApprovedNoteEntersTheRecordOnlyWhenApproved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            _ = try await Self.superviseAsh(app, mode: "approve")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            var fields = NotesTests.complete
            fields["action"] = "sign"
            fields["risk"] = "increased"
            fields["riskSummary"] = "New thoughts of self-harm."
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            #expect(try await Self.noteRecord(app, session).state == "awaiting")
            let held = try await ash.get(path).body.string
            #expect(held.contains("Awaiting approval: not yet part of the record"))
            let sessions = try await ash.get("/patients/\(SessionFixtures.avery.id)/sessions").body.string
            #expect(sessions.contains("Signed, awaiting the supervisor&#39;s approval") || sessions.contains("Signed, awaiting the supervisor's approval"))
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            try await cedar.get(path)
            #expect(try await cedar.post(path + "/review", form: ["action": "complete"]).status == .seeOther)
            #expect(try await Self.noteRecord(app, session).state == "signed")
            #expect(try await ash.get(path).body.string.contains("approved version 1"))
        }
    }

    @Test func oneSupervisorReviewsATherapistsNotesAndViewModeReviewsNone() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await Self.superviseAsh(app, mode: "co-sign")
            let second = UUID()
            try await UserAccount(id: second, clinicID: DemoSeed.clinicID, username: "second.supervisor@clinic.example", displayName: "Pat Linden",
                                  roles: ["supervisor"]).create(on: app.db)
            let form = ["kind": "supervision", "supervisorID": second.uuidString, "therapistID": DemoStaff.therapistAsh.id.uuidString, "purpose": "licensing"]
            var approving = form
            approving["mode"] = "approve"
            let refused = try await lead.post("/care-team", form: approving)
            #expect(refused.status == .conflict && refused.body.string.contains("Another supervisor already reviews"))
            let both = UUID()
            try await UserAccount(id: both, clinicID: DemoSeed.clinicID, username: "both.roles@clinic.example", displayName: "Kim Both",
                                  roles: ["therapist", "supervisor"]).create(on: app.db)
            let own = try await lead.post("/care-team", form: ["kind": "supervision", "supervisorID": both.uuidString, "therapistID": both.uuidString,
                                                               "purpose": "mbt", "mode": "co-sign"])
            #expect(own.status == .badRequest && own.body.string.contains("Nobody supervises their own work"))
            var bad = form
            bad["mode"] = "rubber-stamp"
            #expect(try await lead.post("/care-team", form: bad).status == .badRequest)
            var viewing = form
            viewing["mode"] = "view"
            #expect(try await lead.post("/care-team", form: viewing).status == .seeOther)
            let audit = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "supervision-link").all().compactMap(\.detail)
            #expect(audit.contains("started: MBT supervision, co-signs notes") && audit.contains("started: Licensing supervision, reads notes"))

            // Birch's notes are reviewed by nobody: signing them starts no review.
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistBirch.id) { $0.patientID != nil })
            let path = SessionFixtures.path(session)
            try await birch.get(path)
            var fields = NotesTests.complete
            fields["action"] = "sign"
            #expect(try await birch.post(path + "/note", form: fields).status == .seeOther)
            #expect(try await NoteReviewRecord.query(on: app.db).count() == 0)
        }
    }
}
