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
                #expect(html.contains("<tr><td>\(therapist.displayName)</td><td>MBT supervision</td><td>\(size)</td></tr>"), "\(therapist.displayName) with \(size) patients")
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
            #expect(event.detail == "started: Licensing supervision")
            let bad = link.merging(["purpose": "friendship", "therapistID": DemoStaff.therapistBirch.id.uuidString]) { $1 }
            #expect(try await lead.post("/care-team", form: bad).status == .badRequest)
        }
    }
}
