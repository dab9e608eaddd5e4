import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The alert lifecycle, the banner above staff pages, who may see an alert, and escalation to
/// the programme lead when nobody acknowledges it in time (the app clock is moved forward).
@Suite struct RiskAlertTests {
    let avery = DemoPatients.all[0]

    private func raiseAlert(_ app: Application) async throws -> String {
        let patient = try await SignedInClients.web(app, userID: avery.userID)
        let responsePath = try await MeasureFlow.start(patient, instrumentID: "phq-9")
        _ = try await MeasureFlow.answerAll(patient, responsePath: responsePath, answers: MeasureFlow.phq9(item9: "2"))
        #expect(try await patient.post(responsePath + "/submit", form: [:]).status == .seeOther)
        let alert = try #require(try await RiskAlert.query(on: app.db).first())
        return "/alerts/\(try alert.requireID().uuidString)"
    }

    @Test func theTherapistSeesTheBannerThenAcknowledgesRecordsAndResolves() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let alertPath = try await raiseAlert(app)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            for page in ["/home", "/patients", "/patients/\(avery.id.uuidString)"] {
                let html = try await ash.get(page).body.string
                #expect(html.contains("Open risk alerts") && html.contains("href=\"\(alertPath)\""), "banner on \(page)")
            }
            // Steps out of order are refused with a reason; an empty action is refused.
            try await ash.get(alertPath)
            let skip = try await ash.post(alertPath + "/advance", form: ["to": "resolved"])
            #expect(skip.status == .conflict && skip.body.string.contains("Record the action taken before resolving"))
            #expect(try await ash.post(alertPath + "/advance", form: ["to": "acknowledged"]).status == .seeOther)
            #expect(!(try await ash.get("/home").body.string.contains("id=\"alert-banner-heading\"")), "acknowledged alerts leave the banner")
            try await ash.get(alertPath)
            #expect(try await ash.post(alertPath + "/advance", form: ["to": "action-recorded", "action": "  "]).status == .badRequest)
            #expect(try await ash.post(alertPath + "/advance", form: ["to": "action-recorded", "action": "Phoned the patient; plan reviewed."]).status == .seeOther)
            try await ash.get(alertPath)
            #expect(try await ash.post(alertPath + "/advance", form: ["to": "resolved"]).status == .seeOther)
            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            #expect(alert.state == "resolved" && alert.$acknowledgedBy.id == DemoStaff.therapistAsh.id && alert.action == "Phoned the patient; plan reviewed.")
            #expect(alert.acknowledgedAt != nil && alert.actionAt != nil && alert.resolvedAt != nil && alert.escalatedAt == nil)
            let writes = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "riskAlert").filter(\.$action == "write").filter(\.$actorID == DemoStaff.therapistAsh.id).count()
            #expect(writes == 5, "each attempted step is audited, the refused ones too")
        }
    }

    @Test func anAlertNobodyAcknowledgesGoesToTheProgrammeLead() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let alertPath = try await raiseAlert(app)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(!(try await lead.get("/home").body.string.contains("Open risk alerts")), "not the lead's yet")
            app.clock.advance(by: 59 * 60)
            await BackgroundJobRunner.runDue(BackgroundJobs.all, app, node: "test", now: app.clock.now())
            #expect(try await RiskAlert.query(on: app.db).first()?.escalatedAt == nil, "not due yet")
            #expect(!(try await SignedInClients.web(app, userID: DemoStaff.lead.id).get("/home").body.string.contains("Open risk alerts")))
            app.clock.advance(by: 2 * 60)
            // The escalation job runs (serve offers it a run every tick); reading a page never escalates.
            #expect(!(try await SignedInClients.web(app, userID: DemoStaff.lead.id).get("/home").body.string.contains("Open risk alerts")))
            await BackgroundJobRunner.runDue(BackgroundJobs.all, app, node: "test", now: app.clock.now())
            let later = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let home = try await later.get("/home").body.string
            #expect(home.contains("Open risk alerts") && home.contains("Escalated"))
            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            #expect(alert.escalatedAt != nil)
            let reasons = try await RiskAlertRecipient.query(on: app.db).all().map { "\($0.$user.id == DemoStaff.lead.id ? "lead" : "other"):\($0.reason)" }.sorted()
            #expect(reasons == ["lead:escalation", "other:caseload"])
            #expect(try await later.get(alertPath).status == .ok)
            #expect(try await later.post(alertPath + "/advance", form: ["to": "acknowledged"]).status == .seeOther)
            #expect(try await RiskAlert.query(on: app.db).first()?.$acknowledgedBy.id == DemoStaff.lead.id)
        }
    }

    @Test func staffOutsideTheCareTeamGetNotFound() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let alertPath = try await raiseAlert(app)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(!(try await birch.get("/home").body.string.contains("id=\"alert-banner-heading\"")), "no banner outside the care team")
            #expect(try await birch.get(alertPath).status == .notFound)
            #expect(try await birch.post(alertPath + "/advance", form: ["to": "acknowledged"]).status == .notFound)
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            #expect(try await admin.get(alertPath).status == .notFound)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            #expect(try await patient.get(alertPath).status == .notFound, "alerts are for staff")
            let supervisor = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await supervisor.get(alertPath).status == .ok, "the supervisor may read it")
            #expect(try await supervisor.post(alertPath + "/advance", form: ["to": "acknowledged"]).status == .notFound, "but not act on it")
            #expect(try await RiskAlert.query(on: app.db).first()?.state == "open")
        }
    }
}
