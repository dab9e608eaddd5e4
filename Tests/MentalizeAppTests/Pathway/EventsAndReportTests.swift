import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct EventsAndReportTests {
    let avery = DemoPatients.all[0]

    @Test func staffRecordEventsWithTheRulesOfEachKind() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/events"
            #expect(try await ash.get(path).body.string.contains("Emergency department visit"))
            let admission = ["kind": "admission", "occurredOn": "2026-10-01", "method": "not-applicable", "severity": "none", "reporter": "staff"]
            let refused = try await ash.post(path + "/new", form: admission)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("days in hospital for an admission"))
            var complete = admission
            complete["admissionDays"] = "12"
            #expect(try await ash.post(path + "/new", form: complete).status == .seeOther)
            try await ash.get(path)
            var future = complete
            future["occurredOn"] = "2999-01-01"
            #expect(try await ash.post(path + "/new", form: future).status == .badRequest)
            var unborn = complete
            unborn["occurredOn"] = "1990-03-13"  // the day before Avery's birth
            let beforeBirth = try await ash.post(path + "/new", form: unborn)
            #expect(beforeBirth.status == .badRequest)
            #expect(beforeBirth.body.string.contains("before the patient&#39;s date of birth") || beforeBirth.body.string.contains("before the patient's date of birth"))
            unborn["occurredOn"] = avery.dateOfBirth
            #expect(try await ash.post(path + "/new", form: unborn).status == .seeOther, "the day of birth itself is possible")
            try await ash.get(path)
            let page = try await ash.get(path).body.string
            #expect(page.contains("Psychiatric admission") && page.contains("12 days"))
        }
    }

    @Test func thePatientReportsSelfHarmOnceAndTheTeamIsAlerted() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let yesterday = try await SessionFixtures.loader(app).zone.localDate(of: app.clock.now()).adding(days: -1).description
            let page = try await patient.get("/me/report").body.string
            #expect(page.contains("href=\"tel:116123\"") && page.contains("href=\"/me/crisis-plan\""))
            let key = try #require(page.firstMatch(of: /name="key" value="([^"]+)"/)).1
            #expect(try await patient.post("/me/report", form: ["occurredOn": yesterday, "key": String(key)]).status == .badRequest)
            try await patient.get("/me/report")
            let report = ["occurredOn": yesterday, "help": "self-care", "note": "After the call with my mum", "key": String(key)]
            let sent = try await patient.post("/me/report", form: report)
            #expect(sent.status == .seeOther)
            #expect(try await patient.get("/me/report?sent=1").body.string.contains("id=\"team-availability\""))
            try await patient.get("/me/report")
            #expect(try await patient.post("/me/report", form: report).status == .seeOther, "a resent form")
            let events = try await ClinicalEventRecord.query(on: app.db).filter(\.$patientReported == true).all()
            #expect(events.count == 1 && events[0].note == "After the call with my mum" && events[0].severity == "minor")
            let alerts = try await RiskAlert.query(on: app.db).filter(\.$sourceName == AlertSource.selfReport.rawValue).all()
            #expect(alerts.count == 1 && alerts[0].level == "moderate")
            #expect(try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "selfReport").filter(\.$outcome == "allowed").count() == 3, "every submission is audited, refused or not")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let staff = try await ash.get("/patients/\(avery.id.uuidString)/events").body.string
            #expect(staff.contains("reported by the patient") && staff.contains("After the call with my mum"))
            // staff cannot file a self-report, and a patient without an account link has none to file
            try await ash.get("/home")
            #expect(try await ash.post("/me/report", form: report).status == .notFound)
        }
    }

    @Test func theLeadSeesEventsPerMonthAsCountsOnly() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let page = try await patient.get("/me/report").body.string
            let key = try #require(page.firstMatch(of: /name="key" value="([^"]+)"/)).1
            let today = FormCheck.today(app.clock.now())
            try await patient.post("/me/report", form: ["occurredOn": today, "help": "none", "note": "private words", "key": String(key)])
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let dashboard = try await lead.get("/programme").body.string
            #expect(dashboard.contains("Clinical events per month"))
            #expect(dashboard.contains("<th scope=\"row\">\(today.prefix(7))</th><td>1</td>"))
            #expect(!dashboard.contains("private words") && !dashboard.contains("Avery"))
            let figures = try await EventFigures.perMonth(on: app.db, now: app.clock.now())
            #expect(figures.count == 12 && figures.last?.counts[.selfHarm] == 1)
        }
    }
}
