import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The clinician's day: the navigation of each role with its counts, the caseload that lists the
/// caseload, the patient search scoped to what one may see, and times in the clinic's zone.
@Suite struct ClinicianDayTests {
    let avery = DemoPatients.all[0]
    let blake = DemoPatients.all[1]
    let gray = DemoPatients.all[6]

    private func navigation(_ html: String) throws -> String {
        let nav = try #require(html.firstMatch(of: /<nav class="staff-nav"[^>]*>(.*?)<\/nav>/.dotMatchesNewlines()))
        return String(nav.1)
    }

    @Test func eachRoleHasItsSectionsAndTheCountsOfWhatWaits() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            var nav = try navigation(try await ash.get("/caseload").body.string)
            for label in ["Today", "Caseload", "Patients", "Groups", "Schedule", "Messages", "Alerts"] { #expect(nav.contains(">\(label)"), "\(label) is a therapist's section") }
            #expect(nav.contains("href=\"/caseload\" aria-current=\"page\""), "the section being shown is marked")
            #expect(!nav.contains("/admin/users") && !nav.contains("/audit"), "no lead or admin sections")
            #expect(!nav.contains("class=\"count\">"), "nothing waits before anyone writes")

            let patient = try await SignedInClients.web(app, userID: avery.userID)
            try await patient.get("/me/messages")
            #expect(try await patient.post("/me/messages/new", form: ["subject": "Tuesday", "body": "Can we move my session?", "key": UUID().uuidString]).status == .seeOther)
            #expect(!(try await patient.get("/home").body.string.contains("class=\"staff-nav\"")), "patients keep their own header")
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == avery.id })
            #expect(try await ash.post(SessionFixtures.path(session) + "/note", form: ["narrative": "Half written.", "action": "save"]).status == .seeOther)
            let drafts = try await SessionNoteRecord.query(on: app.db).filter(\.$author.$id == DemoStaff.therapistAsh.id).filter(\.$state == "draft").count()
            nav = try navigation(try await ash.get("/patients").body.string)
            #expect(nav.contains("Today <span class=\"count\">\(drafts)<"), "unsigned notes wait on Today")
            #expect(nav.contains("Messages <span class=\"count\">1<"), "the patient's unread conversation")
            #expect(nav.contains("href=\"/patients\" aria-current=\"page\""))

            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            nav = try navigation(try await admin.get("/home").body.string)
            for label in ["Accounts", "Approvals", "Settings", "Audit", "Outbox"] { #expect(nav.contains(">\(label)"), "\(label) is an admin's section") }
            #expect(!nav.contains("/caseload") && !nav.contains("/messages"), "the admin has no clinical sections")
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            nav = try navigation(try await lead.get("/home").body.string)
            for label in ["Programme", "Care teams", "Audit", "Settings"] { #expect(nav.contains(">\(label)"), "\(label) is a lead's section") }
        }
    }

    @Test func theCaseloadListsEveryPatientOfMineWithScoresAndWhatWaits() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await ChangeStatementPageTests.store(app, patient: gray.id, total: 17, at: "2026-01-22T10:00:00Z")
            try await ChangeStatementPageTests.store(app, patient: gray.id, total: 7, at: "2026-10-29T10:00:00Z")
            try await ChangeStatementPageTests.store(app, patient: gray.id, total: 10, at: "2026-11-17T10:00:00Z")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let now = app.clock.now()
            let mine = try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$therapist.$id == DemoStaff.therapistAsh.id).all()
                .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }.map { $0.$patient.id }
            let page = try await ash.get("/caseload").body.string
            let table = String(try #require(page.firstMatch(of: /<table class="table caseload-table".*?<\/table>/.dotMatchesNewlines())).0)
            let rows = table.matches(of: /<th scope="row"><a href="\/patients\/([0-9A-F-]+)">/).map { String($0.1) }
            #expect(Set(rows) == Set(mine.map(\.uuidString)), "every patient on the caseload, and nobody else")
            #expect(!table.contains(blake.givenName), "Birch's patient is not listed")
            let grayRow = String(try #require(table.firstMatch(of: try Regex("<tr class=\"needs-attention\">\\s*<th scope=\"row\"><a href=\"/patients/\(gray.id.uuidString)\">.*?</tr>").dotMatchesNewlines())).0)
            #expect(grayRow.contains("PHQ-9</span> <strong>10</strong>") && grayRow.contains("reliable improvement since the first"))
            #expect(grayRow.contains("Since the previous one on Thu 29 Oct 2026: 7 → 10, +3"), "the recent rise is flagged on the caseload")
            let marks = table.matches(of: /<tr( class="needs-attention")?>\s*<th scope="row">/).map { $0.1 != nil }
            #expect(marks.contains(true) && marks == marks.sorted { $0 && !$1 }, "those needing attention come first")
            let events = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == DemoStaff.therapistAsh.id).filter(\.$action == "list").filter(\.$recordType == "measureResponse").all()
            #expect(Set(events.compactMap(\.patientID)).isSuperset(of: Set(mine)), "the scores shown are audited as listed")

            let filtered = try await ash.get("/caseload?phase=assessment&sort=name").body.string
            let names = filtered.matches(of: /<th scope="row"><a href="\/patients\/[0-9A-F-]+">([^<]+)<\/a>/).map { String($0.1) }
            #expect(names == ["Gray Testpatient"], "only the caseload's patients in assessment")
            let attention = try await ash.get("/caseload?attention=1").body.string
            #expect(attention.contains(gray.givenName) && !attention.contains(">Kai Testpatient<"), "only those needing a look")
            let byName = try await ash.get("/caseload?sort=name&q=%25").body.string
            #expect(byName.contains("0 of \(mine.count) patients shown"), "a pattern character matches no name")
            #expect(try await ash.get("/caseload?sort=%00&phase=%FF").status == .ok, "odd parameters are the defaults")
        }
    }

    @Test func theSearchFindsByNameOrIdentifierOnlyAmongThoseIMaySee() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let found = { (query: String) async throws -> [String] in
                let html = try await ash.get("/patients?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")).body.string
                return html.matches(of: /<td><a href="\/patients\/[0-9A-F-]+">([^<]+)<\/a><\/td>/).map { String($0.1) }
            }
            #expect(try await found("aVeRy") == ["Avery Testpatient"], "names match whatever the case")
            #expect(try await found("avery testpat") == ["Avery Testpatient"], "every word must match")
            let everyone = try await found("")
            let hidden = try #require(DemoPatients.all.first { !everyone.contains("\($0.givenName) \($0.familyName)") }, "Ash may not see every demo patient")
            #expect(try await found(hidden.givenName).isEmpty, "a patient Ash may not see is not found by name")
            let identifier = try #require(try await PatientIdentifierRecord.query(on: app.db).filter(\.$patient.$id == avery.id).first()).value
            #expect(try await found(identifier) == ["Avery Testpatient"], "an identifier finds its patient")
            let hiddenNumber = try #require(try await PatientIdentifierRecord.query(on: app.db).filter(\.$patient.$id == hidden.id).first()).value
            #expect(try await found(hiddenNumber).isEmpty, "nor by identifier")
            #expect(try await found("%") == everyone && everyone.count > 1, "a pattern character alone is no search: the whole list")
            #expect(try await found("A_ery").isEmpty, "an underscore is not a wildcard")
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/patients?q=\(hidden.givenName)").body.string.contains(">\(hidden.givenName) \(hidden.familyName)<"), "the lead, who sees the roster, finds them")
        }
    }

    @Test func theChartOpensWithRiskThenScoresAndHidesTheDecisionOnceTaken() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let yesterday = app.clock.now().addingTimeInterval(-86_400)
            try await ChangeStatementPageTests.store(app, patient: avery.id, total: 12, at: ISO8601DateFormatter().string(from: yesterday), itemNine: 2)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let chart = try await ash.get(SiteRoute.patient.path(patient: avery.id)).body.string
            let summary = String(try #require(chart.firstMatch(of: /<section class="card chart-summary[^"]*" id="chart-summary".*?<\/section>/.dotMatchesNewlines())).0)
            #expect(chart.range(of: "id=\"chart-summary\"")!.lowerBound < chart.range(of: "class=\"facts\"")!.lowerBound, "the summary comes before the facts")
            #expect(summary.contains("chart-summary--raised"))
            #expect(summary.contains("Patient Health Questionnaire (PHQ-9), \(DisplayTime.clinic(yesterday, zone: try ClinicZone("Europe/London")))</span>:") && summary.contains("class=\"risk-raised\""),
                    "item 9 answered positively is the first thing under Risk")
            #expect(summary.contains("Crisis plan"))
            #expect(summary.contains("Next sessions"))
            #expect(!chart.contains("name=\"decision\""), "Avery is in treatment: the suitability decision is not offered again")
            let finley = DemoPatients.all[5]
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get(SiteRoute.patient.path(patient: finley.id)).body.string.contains("name=\"decision\""), "in assessment it is")
        }
    }

    @Test func pagesShowTimesInTheClinicsZone() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // A July instant: London is an hour ahead of UTC.
            try await ChangeStatementPageTests.store(app, patient: avery.id, total: 5, at: "2026-07-01T08:30:00Z")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let answers = SiteRoute.patientMeasures.path(patient: avery.id) + "/phq-9/answers"
            let measures = try await ash.get(answers).body.string
            #expect(measures.contains("Wed 1 Jul 2026, 09:30") && !measures.contains("2026-07-01 08:30"))
            let clinic = try #require(try await Clinic.find(DemoSeed.clinicID, on: app.db))
            clinic.timeZone = "America/New_York"
            try await clinic.save(on: app.db)
            #expect(try await ash.get(answers).body.string.contains("Wed 1 Jul 2026, 04:30"), "the clinic's zone, whatever it is")
        }
    }
}
