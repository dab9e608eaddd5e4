import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The therapist's side: the measures page with score, band and chart, item-level answers,
/// CSV export, ad hoc assignment, paper and clinician-rated entry, and the lead's plan.
@Suite struct StaffMeasuresTests {
    let avery = DemoPatients.all[0]
    var base: String { "/patients/\(avery.id.uuidString)/measures" }

    @Test func thePageShowsLatestScoreBandChangeAndAChart() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let html = try await ash.get(base).body.string
            let latest = try #require(try await MeasureResponse.query(on: app.db).filter(\.$patient.$id == avery.id).filter(\.$instrumentID == "phq-9").sort(\.$completedAt, .descending).first())
            #expect(html.contains("<strong class=\"score\">\(Int(latest.primaryScore ?? -1))</strong>"))
            #expect(html.contains("reliable improvement"))
            let chart = try await ash.get(base + "/phq-9/chart.svg")
            #expect(chart.status == .ok && chart.headers.contentType?.subType == "svg+xml")
            let svg = chart.body.string
            #expect(svg.hasPrefix("<svg") && svg.contains("<title id=\"t\">") && svg.contains(">Moderately severe<") && svg.contains("cut-off 10"))
            #expect(svg.contains("<path"), "reliable improvement is marked")
            #expect(svg.contains("▼ reliable improvement</tspan>"), "and said in words on the chart (lower PHQ-9 is better, so the mark points down)")
            #expect(svg.contains(">13</text>") && !svg.contains(">13.50<"), "whole-number scores get a whole-number middle tick")
            #expect(try await ash.get(base + "/no-such/chart.svg").status == .notFound)
            let table = try await ash.get(base + "/phq-9/answers").body.string
            #expect(table.contains("Little interest or pleasure in doing things") && table.contains("by the patient"))
        }
    }

    @Test func csvExportIsLongFormAndOnlyForThoseWhoMayExport() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let csv = try await ash.get("/patients/\(avery.id.uuidString)/measures-export.csv")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first == Substring(MeasuresCSV.header))
            let responses = try await MeasureResponse.query(on: app.db).filter(\.$patient.$id == avery.id).count()
            #expect(lines.filter { $0.contains(",score,total,") }.count == responses)
            #expect(lines.contains { $0.contains(",item,phq9-9,0,") })
            let supervisor = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await supervisor.get("/patients/\(avery.id.uuidString)/measures-export.csv").status == .notFound)
            #expect(MeasuresCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
            #expect(MeasuresCSV.cell("-3") == "-3")
        }
    }

    @Test func paperEntryValidatesKeepsAnswersAndStoresOneResponsePerForm() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let form = try await ash.get(base + "/enter?instrument=gad-7").body.string
            let key = try #require(form.firstMatch(of: /name="idempotencyKey" value="([^"]+)"/)).1
            var fields = ["instrumentID": "gad-7", "idempotencyKey": String(key), "answer-gad7-1": "3", "answer-gad7-2": "7"]
            let invalid = try await ash.post(base + "/enter", form: fields)
            #expect(invalid.status == .badRequest)
            #expect(invalid.body.string.contains("Please choose one of the answers shown.") && invalid.body.string.contains("value=\"3\" checked"))
            let before = try await MeasureResponse.query(on: app.db).count()
            for index in 2...7 { fields["answer-gad7-\(index)"] = "1" }
            #expect(try await ash.post(base + "/enter", form: fields).status == .seeOther)
            #expect(try await ash.post(base + "/enter", form: fields).status == .seeOther)
            #expect(try await MeasureResponse.query(on: app.db).count() == before + 1, "the same form twice stores one response")
            let stored = try #require(try await MeasureResponse.query(on: app.db).filter(\.$idempotencyKey == "entry:\(key)").first())
            #expect(stored.entryMode == "paper" && stored.primaryScore == 9 && stored.$enteredBy.id == DemoStaff.therapistAsh.id)
        }
    }

    @Test func theTherapistsDayListsOverdueMeasuresAndAPaperFormClearsOne() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: nobody has opened Avery's measures yet
            var ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            // act: the therapist's day alone brings the plan's assignments up to date
            var caseload = try await ash.get("/home").body.string
            let settings = try app.measurement
            let overdueNow = {
                try await MeasureAssignment.query(on: app.db).filter(\.$patient.$id == avery.id).filter(\.$completedAt == nil).all()
                    .filter { settings.window.status(dueAt: $0.dueAt, now: app.clock.now(), completed: false) == .overdue }
            }
            var overdue = try await overdueNow()
            if !overdue.contains(where: { $0.instrumentID == "gad-7" }) {
                // The four-weekly GAD-7 fell due less than a week ago on this day: a week later it is overdue.
                app.clock.advance(by: 7 * 86_400)
                ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
                caseload = try await ash.get("/home").body.string
                overdue = try await overdueNow()
            }
            let gad7 = try #require(overdue.first { $0.instrumentID == "gad-7" }, "the demo plan has an overdue GAD-7 for Avery")
            let listed = { (html: String) in html.contains(try Regex("href=\"\(base)\">[^<]*</a> <span>[^<]*\\(GAD-7\\)</span>")) }
            #expect(try listed(caseload))
            // act: the paper form is entered
            let form = try await ash.get(base + "/enter?instrument=gad-7").body.string
            let key = try #require(form.firstMatch(of: /name="idempotencyKey" value="([^"]+)"/)).1
            var fields = ["instrumentID": "gad-7", "idempotencyKey": String(key)]
            for index in 1...7 { fields["answer-gad7-\(index)"] = "0" }
            #expect(try await ash.post(base + "/enter", form: fields).status == .seeOther)
            // verify: that assignment is done and leaves the day's list
            #expect(try await MeasureAssignment.find(gad7.id, on: app.db)?.completedAt != nil)
            #expect(!(try listed(try await ash.get("/home").body.string)))
        }
    }

    @Test func clinicianRatedInstrumentsAreStoredAsClinicianRated() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let zan = try #require(try app.measurement.catalog.definition(id: "zan-bpd"))
            let form = try await ash.get(base + "/enter?instrument=zan-bpd").body.string
            let key = String(try #require(form.firstMatch(of: /name="idempotencyKey" value="([^"]+)"/)).1)
            var fields = ["instrumentID": "zan-bpd", "idempotencyKey": key]
            for item in zan.allItems where item.isQuestion { fields["answer-\(item.linkId)"] = item.answerOptions?.last?.code ?? "" }
            #expect(try await ash.post(base + "/enter", form: fields).status == .seeOther)
            let stored = try #require(try await MeasureResponse.query(on: app.db).filter(\.$instrumentID == "zan-bpd").first())
            #expect(stored.entryMode == "clinician" && stored.primaryScore == 36)
        }
    }

    @Test func adHocAssignmentReachesThePatient() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(base)
            #expect(try await ash.post(base + "/assign", form: ["instrumentID": "zan-bpd"]).status == .badRequest, "clinician-rated: not for the patient")
            #expect(try await ash.post(base + "/assign", form: [:]).status == .badRequest)
            let existing = try await MeasureAssignment.query(on: app.db).filter(\.$instrumentID == "gad-7").filter(\.$patient.$id == avery.id).filter(\.$completedAt == nil).all()
            for assignment in existing { try await assignment.delete(on: app.db) }
            #expect(try await ash.post(base + "/assign", form: ["instrumentID": "gad-7"]).status == .seeOther)
            let assigned = try #require(try await MeasureAssignment.query(on: app.db).filter(\.$instrumentID == "gad-7").filter(\.$patient.$id == avery.id).filter(\.$completedAt == nil).first())
            #expect(assigned.$assignedBy.id == DemoStaff.therapistAsh.id && assigned.scheduleKey.hasPrefix("adhoc:"))
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            #expect(try await patient.get("/me/measures").body.string.contains("/me/measures/\(try assigned.requireID().uuidString)/start"))
        }
    }

    @Test func theLeadEditsThePlanAndTherapistsCannot() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/programme/measurement-plan").body.string.contains("Measurement plan"))
            let before = try await MeasurePlanItemRecord.query(on: app.db).count()
            let bad = try await lead.post("/programme/measurement-plan", form: ["phase": "treatment", "instrumentID": "wsas", "firstDueDays": "0", "repeatEveryDays": "3"])
            #expect(bad.status == .badRequest && bad.body.string.contains("between 7 and 365 days"))
            #expect(try await lead.post("/programme/measurement-plan", form: ["phase": "treatment", "instrumentID": "nope", "firstDueDays": "0"]).status == .badRequest)
            #expect(try await lead.post("/programme/measurement-plan", form: ["phase": "treatment", "instrumentID": "wsas", "firstDueDays": "0", "repeatEveryDays": "84"]).status == .seeOther)
            let added = try #require(try await MeasurePlanItemRecord.query(on: app.db).filter(\.$instrumentID == "wsas").filter(\.$phase == "treatment").first())
            #expect(try await MeasurePlanItemRecord.query(on: app.db).count() == before + 1 && added.repeatEveryDays == 84)
            // The plan reaches patients in treatment at once.
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get(base).body.string.contains("Work and Social Adjustment Scale"))
            #expect(try await ash.get("/programme/measurement-plan").status == .notFound)
            try await lead.get("/programme/measurement-plan")
            #expect(try await lead.post("/programme/measurement-plan/\(try added.requireID().uuidString)/remove", form: [:]).status == .seeOther)
            #expect(try await MeasurePlanItemRecord.query(on: app.db).count() == before)
        }
    }
}
