import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The printable evidence pack per scheme: progress, courses, cases by initials with dates, the
/// supervision log with attestations, rated clips. Initials only for patients the clinician may
/// list now (audited); the clinician's own pack only.
@Suite struct EvidencePackTests {
    @Test func thePackShowsCasesByInitialsTheAttestedLogAndRatedClips() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            try await cedar.get("/supervision")
            let today = try ClinicZone("Europe/London").localDate(of: app.clock.now()).description
            #expect(try await cedar.post("/supervision/sessions", form: ["heldOn": today, "minutes": "60", "format": "individual", "cases": "A.T.",
                                                                         "supervisee.\(DemoStaff.therapistAsh.id.uuidString)": "on", "material": "recorded", "attested": "on"]).status == .seeOther)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            try await ash.get("/fidelity/clips/new?session=\(session.key.description)")
            #expect(try await ash.post("/fidelity/clips", form: ["session": session.key.description, "scaleID": "mentalize-demo", "startMinute": "5", "endMinute": "20",
                                                                 "recordingLink": "https://recordings.clinic.example/a", "raterID": DemoStaff.supervisor.id.uuidString]).status == .seeOther)
            let rating = try #require(try await FidelityRatingRecord.query(on: app.db).first())
            let ratingPath = "/fidelity/ratings/\(try rating.requireID())"
            try await cedar.get(ratingPath)
            #expect(try await cedar.post(ratingPath, form: FidelityRatingTests.scores(6)).status == .seeOther)

            let ledger = try await ash.get("/me/training").body.string
            #expect(ledger.contains("href=\"/me/training/evidence/afc-practitioner\""))
            let response = try await ash.get("/me/training/evidence/afc-practitioner", headers: ["X-Request-Id": "pack"])
            #expect(response.status == .ok)
            let pack = response.body.string
            #expect(pack.contains("Evidence pack: Anna Freud Centre: MBT practitioner") && pack.contains("Robin Ash (demo therapist)"))
            let cases = String(try #require(pack.firstMatch(of: /<table class="table" id="evidence-case-table">(.*?)<\/table>/.dotMatchesNewlines())).1)
            #expect(cases.contains("<td>A.T.</td><td>individual</td>") && !cases.contains("Avery"), "cases by initials only")
            let log = String(try #require(pack.firstMatch(of: /<table class="table" id="evidence-supervision-table">(.*?)<\/table>/.dotMatchesNewlines())).1)
            #expect(log.contains("<td>60</td><td>individual</td><td>recorded</td><td>A.T.</td><td>\(DemoStaff.supervisor.displayName),"))
            let clips = String(try #require(pack.firstMatch(of: /<table class="table" id="evidence-clip-table">(.*?)<\/table>/.dotMatchesNewlines())).1)
            #expect(clips.contains("<td>A.T.</td><td>minutes 5–20 (15 min)</td>") && clips.contains("<td>1</td><td>6.0</td><td>6.0</td>"))
            let listed = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "pack").filter(\.$recordType == "demographics").all()
            #expect(!listed.isEmpty && listed.allSatisfy { $0.action == "list" }, "the initials are an audited list")

            #expect(try await ash.get("/me/training/evidence/no-such-scheme").status == .notFound)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/me/training/evidence/afc-practitioner").status == .notFound)
        }
    }
}
