import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import SQLKit
import Testing
import VaporTesting

/// Process notes: sealed in the database, readable by their author and the supervisor the author
/// named, and by nobody else through any route. A marker in the text is searched for in every
/// response of every user and in the audit table.
@Suite struct ProcessNoteIsolationTests {
    static let marker = "QX-PROCESS-MARKER-7731"

    @Test func noAccessPathReturnsTheTextToAnyoneButAuthorAndNamedSupervisor() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let sessionPath = SessionFixtures.path(session)
            let form = try await ash.get(sessionPath + "/process-note").body.string
            #expect(form.contains("Alex Cedar (demo supervisor)"), "the author's supervisor can be named")
            // act
            let saved = try await ash.post(sessionPath + "/process-note", form: ["text": "Countertransference: \(Self.marker)", "supervisorID": DemoStaff.supervisor.id.uuidString])
            #expect(saved.status == .seeOther)
            let notePath = try #require(saved.headers.first(name: .location))
            // verify: sealed at rest
            let record = try #require(try await ProcessNoteRecord.query(on: app.db).first())
            #expect(!record.sealedText.contains(Self.marker))
            let rows = try await app.sql.raw("SELECT * FROM process_notes").all()
            #expect(rows.count == 1)
            // the author and the named supervisor read it
            #expect(try await ash.get(notePath).body.string.contains(Self.marker))
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await cedar.get(notePath).body.string.contains(Self.marker))
            // nobody else, through any page
            let others: [UUID] = [DemoStaff.therapistBirch.id, DemoStaff.lead.id, DemoStaff.admin.id, SessionFixtures.avery.userID]
            for userID in others {
                let client = try await SignedInClients.web(app, userID: userID)
                #expect(try await client.get(notePath).status == .notFound)
            }
            var paths = SiteRoute.allCases.filter { !$0.rawValue.contains(":") && $0 != .signOut }.map(\.path)
            for patient in DemoPatients.all {
                for route in SiteRoute.allCases where route.rawValue.hasPrefix("/patients/:patientID") || route.rawValue.hasPrefix("/api/v1/patients/:patientID") {
                    paths.append(route.filled(["patientID": patient.id.uuidString, "instrumentID": "phq-9"]))
                }
            }
            paths += [sessionPath, sessionPath + "/process-note", "/groups/\(SessionFixtures.tuesdayGroup.uuidString)", "/caseload", "/schedule", "/patients/\(SessionFixtures.avery.id.uuidString)/measures-export.csv"]
            var checked = 0
            for userID in [DemoStaff.therapistAsh.id, DemoStaff.supervisor.id] + others {
                let client = try await SignedInClients.web(app, userID: userID)
                let token = try await SignedInClients.apiToken(app, userID: userID)
                for path in paths {
                    var headers = HTTPHeaders()
                    if path.hasPrefix("/api/") { headers.bearerAuthorization = BearerAuthorization(token: token) }
                    let body = try await client.get(path, headers: headers).body.string
                    #expect(!body.contains(Self.marker), "\(path) shows the process note")
                    checked += 1
                }
                // The calendar feed too.
                try await client.get("/me/calendar")
                let created = try await client.post("/me/calendar", form: [:]).body.string
                if let match = created.firstMatch(of: /(\/calendar\/[A-Za-z0-9_-]+)/) {
                    #expect(!(try await client.get(String(match.1)).body.string.contains(Self.marker)))
                }
            }
            #expect(checked > 200)
            let audit = try await AuditEventRecord.query(on: app.db).all()
            #expect(!audit.contains { "\($0.recordType) \($0.recordID ?? "")".contains(Self.marker) })
            #expect(audit.contains { $0.recordType == "processNote" && $0.outcome == "denied" }, "refused reads are audited")
        }
    }

    @Test func aGroupSessionProcessNoteConcernsOneMemberAndStaysWithItsAuthor() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Ash and Birch run the Tuesday group together
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.groupID == SessionFixtures.tuesdayGroup })
            let sessionPath = SessionFixtures.path(session)
            let form = try await ash.get(sessionPath + "/process-note").body.string
            #expect(form.contains("Group member the note is about") && form.contains("Avery Testpatient (A.T.)"))
            // act: a member must be chosen, and only a member of the group on that date
            let text = "Group countertransference: \(Self.marker)"
            let none = try await ash.post(sessionPath + "/process-note", form: ["text": text])
            #expect(none.status == .badRequest && none.body.string.contains("Choose the group member this note is about."))
            #expect(none.body.string.contains(Self.marker), "the typed note is kept for the author")
            let outsider = try await ash.post(sessionPath + "/process-note", form: ["text": text, "patientID": SessionFixtures.kai.id.uuidString])
            #expect(outsider.status == .badRequest)
            #expect(try await ProcessNoteRecord.query(on: app.db).count() == 0)
            let saved = try await ash.post(sessionPath + "/process-note", form: ["text": text, "patientID": SessionFixtures.avery.id.uuidString])
            #expect(saved.status == .seeOther)
            let notePath = try #require(saved.headers.first(name: .location))
            // verify: filed under Avery, sealed, listed for Ash by initials only
            let record = try #require(try await ProcessNoteRecord.query(on: app.db).first())
            #expect(record.$patient.id == SessionFixtures.avery.id && !record.sealedText.contains(Self.marker))
            let page = try await ash.get(sessionPath).body.string
            #expect(page.contains("Open the process note (A.T.)") && !page.contains(Self.marker))
            #expect(try await ash.get(notePath).body.string.contains(Self.marker))
            // The co-therapist sees the group session but not the note, nor a link to it.
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let birchPage = try await birch.get(sessionPath).body.string
            #expect(birchPage.contains("Avery Testpatient") && !birchPage.contains(notePath))
            #expect(try await birch.get(notePath).status == .notFound)
            // The supervisor was not named, so not even the supervisor reads it.
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await cedar.get(notePath).status == .notFound)
        }
    }
}
