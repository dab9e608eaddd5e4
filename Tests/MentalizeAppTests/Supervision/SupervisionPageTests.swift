import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The supervisor's page: the therapists they supervise with their caseload sizes, and the process
/// notes that named them (when, whom, by whom; never the text), audited; nobody else's notes and no
/// page at all for anyone who is not a supervisor.
@Suite struct SupervisionPageTests {
    @Test func theSupervisorSeesSuperviseesAndTheProcessNotesThatNamedThem() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session) + "/process-note"
            try await ash.get(path)
            let named = try await ash.post(path, form: ["text": "Named: my irritation when she arrived late", "supervisorID": DemoStaff.supervisor.id.uuidString])
            let notePath = try #require(named.headers.first(name: .location))
            #expect(try await ash.post(path, form: ["text": "Kept to myself"]).status == .seeOther)

            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            let page = try await cedar.get("/supervision", headers: ["X-Request-Id": "sup-page"])
            #expect(page.status == .ok)
            let html = page.body.string
            let now = app.clock.now()
            for therapist in [DemoStaff.therapistAsh, DemoStaff.therapistBirch] {
                let size = try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$therapist.$id == therapist.id).all()
                    .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }.count
                #expect(html.contains("<tr><td>\(therapist.displayName)</td><td>MBT supervision</td><td>Reads notes</td><td>\(size)</td></tr>"), "\(therapist.displayName) with \(size) patients")
            }
            let shared = String(try #require(html.firstMatch(of: /<ul class="plain-list" id="shared-notes">(.*?)<\/ul>/.dotMatchesNewlines())).1)
            #expect(shared.components(separatedBy: "<li ").count == 2, "only the note that named Cedar")
            #expect(shared.contains("href=\"\(notePath)\"") && shared.contains("Avery Testpatient · by Robin Ash (demo therapist)"))
            #expect(!html.contains("irritation") && !html.contains("Kept to myself"), "the list never shows the text")
            let listed = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "sup-page").filter(\.$recordType == "processNote").all()
            #expect(listed.map(\.patientID) == [SessionFixtures.avery.id] && listed.allSatisfy { $0.action == "list" && $0.outcome == "allowed" })
            #expect(try await cedar.get(notePath).body.string.contains("irritation"), "the note opens from the list")
            let nav = try #require(html.firstMatch(of: /<nav class="staff-nav"[^>]*>(.*?)<\/nav>/.dotMatchesNewlines())).1
            #expect(nav.contains("href=\"/supervision\" aria-current=\"page\""))

            for user in [DemoStaff.therapistAsh.id, DemoStaff.lead.id, DemoStaff.admin.id, SessionFixtures.avery.userID] {
                let other = try await SignedInClients.web(app, userID: user)
                #expect(try await other.get("/supervision").status == .notFound)
            }
        }
    }

    @Test func aTherapistMayHaveASecondSupervisorForAnotherPurposeAndTheLogSaysWhich() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let dual = UUID()
            try await UserAccount(id: dual, clinicID: DemoSeed.clinicID, username: "licensing.supervisor@clinic.example", displayName: "Pat Linden",
                                  roles: ["supervisor"]).create(on: app.db)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/care-team")
            let link = ["kind": "supervision", "supervisorID": dual.uuidString, "therapistID": DemoStaff.therapistAsh.id.uuidString, "purpose": "licensing"]
            #expect(try await lead.post("/care-team", form: link).status == .seeOther)
            let stored = try await SupervisionLinkRecord.query(on: app.db).filter(\.$therapist.$id == DemoStaff.therapistAsh.id).all()
            #expect(Set(stored.map(\.supervisionPurpose)) == [.mbt, .licensing], "Cedar for MBT, the new supervisor for the licence")
            let page = try await lead.get("/care-team").body.string
            #expect(page.contains("<td>Licensing supervision</td>") && page.contains("<td>MBT supervision</td>"))
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "supervision-link").sort(\.$sequence, .descending).first())
            #expect(event.detail == "started: Licensing supervision, reads notes")
            let bad = link.merging(["purpose": "friendship", "therapistID": DemoStaff.therapistBirch.id.uuidString]) { $1 }
            #expect(try await lead.post("/care-team", form: bad).status == .badRequest)
        }
    }

    @Test func theSupervisorLogsIndividualAndGroupSessionsAttestedWithInitialsOnly() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            try await cedar.get("/supervision")
            let today = try ClinicZone("Europe/London").localDate(of: app.clock.now())
            let ash = "supervisee.\(DemoStaff.therapistAsh.id.uuidString)"
            let birch = "supervisee.\(DemoStaff.therapistBirch.id.uuidString)"
            var fields = ["heldOn": today.adding(days: -1).description, "minutes": "50", "format": "individual", ash: "on", "material": "recorded",
                          "cases": "A.T., C. T.", "attested": "on"]
            let logged = try await cedar.post("/supervision/sessions", form: fields, headers: ["X-Request-Id": "log-1"])
            #expect(logged.status == .seeOther)
            fields = ["heldOn": today.description, "minutes": "90", "format": "group", ash: "on", birch: "on", "material": "live", "cases": "", "attested": "on"]
            #expect(try await cedar.post("/supervision/sessions", form: fields).status == .seeOther)
            let stored = try await SupervisionSessionRecord.query(on: app.db).sort(\.$heldOn).all()
            #expect(stored.map(\.minutes) == [50, 90] && stored.map(\.format) == ["individual", "group"] && stored[0].casesText == "A.T., C. T.")
            #expect(try await SupervisionAttendeeRecord.query(on: app.db).count() == 3)
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "log-1").filter(\.$recordType == "supervisionSession").first())
            #expect(event.detail == "logged and attested: individual, 50 minutes, material recorded, 0 linked cases")
            let page = try await cedar.get("/supervision").body.string
            let list = String(try #require(page.firstMatch(of: /<ul class="plain-list" id="logged">(.*?)<\/ul>/.dotMatchesNewlines())).1)
            #expect(list.contains("90 min · group of 2 · Robin Ash (demo therapist), Sam Birch (demo therapist)") && list.contains("50 min · individual · Robin Ash"))
            #expect(page.contains("(140 minutes)"))

            // Refused, with the form kept: each rule in words.
            let refusals: [([String: String], String)] = [
                (["heldOn": today.adding(days: 1).description, "minutes": "50", "format": "individual", ash: "on", "material": "none", "attested": "on"], "once it has happened"),
                (["heldOn": today.description, "minutes": "0", "format": "individual", ash: "on", "material": "none", "attested": "on"], "1 to 480"),
                (["heldOn": today.description, "minutes": "50", "format": "group", ash: "on", "material": "none", "attested": "on"], "two supervisees or more"),
                (["heldOn": today.description, "minutes": "50", "format": "individual", ash: "on", birch: "on", "material": "none", "attested": "on"], "one supervisee"),
                (["heldOn": today.description, "minutes": "50", "format": "individual", ash: "on", "material": "none", "cases": "Avery Testpatient", "attested": "on"], "initials only"),
                (["heldOn": today.description, "minutes": "50", "format": "individual", ash: "on", "material": "none"], "Attest the entry"),
                (["heldOn": today.description, "minutes": "50", "format": "individual", "supervisee.\(DemoStaff.lead.id.uuidString)": "on", "material": "none", "attested": "on"], "only therapists you supervise"),
            ]
            for (form, words) in refusals {
                let refused = try await cedar.post("/supervision/sessions", form: form)
                #expect(refused.status == .badRequest && refused.body.string.contains(words), "\(words)")
            }
            let kept = try await cedar.post("/supervision/sessions", form: refusals[4].0).body.string
            #expect(kept.contains("value=\"Avery Testpatient\"") && kept.contains("id=\"supervisee-\(DemoStaff.therapistAsh.id.uuidString)\" name=\"\(ash)\" checked"), "what was typed comes back")
            #expect(try await SupervisionSessionRecord.query(on: app.db).count() == 2, "nothing refused was saved")
            let therapist = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await therapist.get("/home")
            #expect(try await therapist.post("/supervision/sessions", form: fields).status == .notFound)
        }
    }
}
