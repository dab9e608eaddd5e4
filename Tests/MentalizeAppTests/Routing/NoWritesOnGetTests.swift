import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// Issue 15: a GET never writes. Every GET route is walked by every demo actor and by an
/// anonymous visitor, at a moment when an alert is overdue for escalation and the measurement
/// plan has made new questionnaires due (both used to be written by page views). Only the audit
/// log and the session's last-seen time may change; then the background jobs do the rest.
@Suite struct NoWritesOnGetTests {
    @Test func walkingEveryGetRouteWritesNothingButTheAuditLogAndSessions() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: an alert nobody acknowledged, then two hours and five weeks later
            let avery = DemoPatients.all[0]
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let responsePath = try await MeasureFlow.start(patient, instrumentID: "phq-9")
            _ = try await MeasureFlow.answerAll(patient, responsePath: responsePath, answers: MeasureFlow.phq9(item9: "2"))
            #expect(try await patient.post(responsePath + "/submit", form: [:]).status == .seeOther)
            try await patient.get("/me/messages")
            #expect(try await patient.post("/me/messages/new", form: ["subject": "Tuesday", "body": "Can we talk about Tuesday?", "key": UUID().uuidString]).status == .seeOther)
            try await patient.get("/me/diary/new")
            #expect(try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "A calm day.", "emotion-hurt": "on", "intensity-hurt": "3", "action": "save"]).status == .seeOther)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == avery.id })
            try await ash.get(SessionFixtures.path(session) + "/process-note")
            #expect(try await ash.post(SessionFixtures.path(session) + "/process-note", form: ["text": "A reflection for supervision."]).status == .seeOther)
            #expect(try await ash.post("/fidelity/clips", form: ["session": session.key.description, "scaleID": "mentalize-demo", "recordingLink": "https://recordings.clinic.example/1",
                                                                 "raterID": DemoStaff.supervisor.id.uuidString]).status == .seeOther)
            let rating = try #require(try await FidelityRatingRecord.query(on: app.db).first())
            app.clock.advance(by: 35 * 86_400 + 2 * 3600)
            var parameters = try await Self.parameters(app, patientID: avery.id)
            parameters["sessionKey"] = session.key.description
            parameters["ratingID"] = try rating.requireID().uuidString
            parameters["schemeID"] = "afc-practitioner"
            let unfilled = SiteRoute.allCases.filter(Self.isGet).map { $0.filled(parameters) }.filter { $0.contains(":") }
            #expect(unfilled == [], "every parameter of a GET route has a real value")
            let actors = [DemoStaff.therapistAsh.id, DemoStaff.therapistBirch.id, DemoStaff.supervisor.id, DemoStaff.lead.id, DemoStaff.admin.id,
                          avery.userID, DemoPatients.all[1].userID]
            var clients: [(web: WebClient, token: String?)] = [(WebClient(app: app), nil)]
            for actor in actors {
                clients.append((try await SignedInClients.web(app, userID: actor), try await SignedInClients.apiToken(app, userID: actor)))
            }
            let before = try await TableFingerprint.take(try app.sql, leaving: Self.mayChange)
            // act
            var requests = 0
            for route in SiteRoute.allCases where Self.isGet(route) {
                let path = route.filled(parameters)
                for client in clients {
                    var headers: HTTPHeaders = [:]
                    if route.rawValue.hasPrefix("/api/"), let token = client.token { headers.bearerAuthorization = BearerAuthorization(token: token) }
                    let response = try await client.web.get(path, headers: headers)
                    #expect(response.status.code < 500, "GET \(path) answered \(response.status.code)")
                    requests += 1
                }
            }
            // verify
            let after = try await TableFingerprint.take(try app.sql, leaving: Self.mayChange)
            #expect(after.changed(since: before) == [], "GET requests wrote to these tables")
            #expect(requests > 500)
            let assignments = try await MeasureAssignment.query(on: app.db).count()
            await BackgroundJobRunner.runDue(BackgroundJobs.all, app, node: "test", now: app.clock.now())
            #expect(try await MeasureAssignment.query(on: app.db).count() > assignments, "the walk left due questionnaires for the job")
            #expect(try await RiskAlert.query(on: app.db).filter(\.$escalatedAt != nil).count() > 0, "the walk left the overdue alert for the job")
            print("no writes on GET: \(requests) requests over \(SiteRoute.allCases.filter(Self.isGet).count) GET routes")
        }
    }

    /// The audit log (every read of patient data is one) and sign-in sessions (last seen).
    static let mayChange: Set<String> = [AuditEventRecord.schema, UserSession.schema]

    /// Routes served to GET: everything but the ones only registered for POST.
    static func isGet(_ route: SiteRoute) -> Bool {
        !postOnly.contains(route)
    }

    static let postOnly: Set<SiteRoute> = Set(SiteRoute.allCases.filter { route in
        let tail = route.rawValue.split(separator: "/").last.map(String.init) ?? ""
        return ["sign-out", "everywhere", "disable", "enable", "end", "remove", "advance", "reply", "delete", "done", "unlock", "flags", "share",
                "save", "versions", "new", "revoke", "token", "leave", "attendance", "addendum", "change", "slot", "members", "series", "one-off",
                "assign", "answer", "submit", "interviews", "risk", "checklist", "programme", "suitability", "consents"].contains(tail)
            || route == .roleApprovalDecide
    })

    /// Real ids from the demo data for every parameter a path can name.
    static func parameters(_ app: Application, patientID: UUID) async throws -> [String: String] {
        var values: [String: String] = ["patientID": patientID.uuidString, "instrumentID": "phq-9", "number": "1", "feedToken": "not-a-feed", "token": "not-a-token"]
        values["threadID"] = try #require(try await MessageThread.query(on: app.db).filter(\.$patient.$id == patientID).first()?.id).uuidString
        values["entryID"] = try #require(try await DiaryEntryRecord.query(on: app.db).filter(\.$patient.$id == patientID).first()?.id).uuidString
        values["assignmentID"] = try #require(try await MeasureAssignment.query(on: app.db).filter(\.$patient.$id == patientID).first()?.id).uuidString
        values["responseID"] = try #require(try await MeasureResponse.query(on: app.db).filter(\.$patient.$id == patientID).first()?.id).uuidString
        values["alertID"] = try #require(try await RiskAlert.query(on: app.db).first()?.id).uuidString
        values["noteID"] = try #require(try await ProcessNoteRecord.query(on: app.db).first()?.id).uuidString
        values["groupID"] = try #require(try await TherapyGroup.query(on: app.db).first()?.id).uuidString
        values["moduleID"] = "what-is-mentalizing"
        // Only named by routes that are POST-only; the walk never uses them.
        for name in ["userID", "grantID", "membershipID", "itemID", "roomID", "holidayID", "helplineID"] {
            values[name] = UUID().uuidString
        }
        return values
    }
}
