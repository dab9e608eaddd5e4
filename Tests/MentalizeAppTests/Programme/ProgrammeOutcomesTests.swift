import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The lead's outcome figures: first against latest questionnaire in a date range, counts under
/// five withheld, the same figures as CSV, and nobody but the lead.
@Suite struct ProgrammeOutcomesTests {
    /// Seven demo patients' PHQ-9s in the first half of 2020, long before the demo's own history:
    /// five recover (20 → 5), one deteriorates (5 → 20), one does not change (14 → 13).
    private func storeCohort(_ app: Application) async throws {
        let paths: [(Int, Int)] = [(20, 5), (20, 5), (20, 5), (20, 5), (20, 5), (5, 20), (14, 13)]
        for (index, path) in paths.enumerated() {
            let patient = DemoPatients.all[index].id
            try await ChangeStatementPageTests.store(app, patient: patient, total: path.0, at: "2020-01-1\(index)T10:00:00Z")
            try await ChangeStatementPageTests.store(app, patient: patient, total: 12, at: "2020-03-1\(index)T10:00:00Z")
            try await ChangeStatementPageTests.store(app, patient: patient, total: path.1, at: "2020-06-1\(index)T10:00:00Z")
        }
        // Outside the range: must not count.
        try await ChangeStatementPageTests.store(app, patient: DemoPatients.all[7].id, total: 20, at: "2019-12-01T10:00:00Z")
        try await ChangeStatementPageTests.store(app, patient: DemoPatients.all[7].id, total: 3, at: "2020-02-01T10:00:00Z")
    }

    @Test func theLeadSeesReliableChangeForARangeWithSmallCountsWithheld() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await storeCohort(app)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let page = try await lead.get("/programme/outcomes?from=2020-01-01&to=2020-06-30")
            #expect(page.status == .ok)
            let html = page.body.string
            let row = String(try #require(html.firstMatch(of: /<tr><th scope="row">Patient Health Questionnaire \(PHQ-9\).*?<\/tr>/.dotMatchesNewlines())).0)
            let cells = row.matches(of: /<td>([^<]*)<\/td>/).map { String($0.1) }
            #expect(cells == ["7", "5 (71%)", "5 (71%)", "&lt; 5", "&lt; 5"], "n 7: five improved and recovered; one unchanged and one worse are withheld")
            #expect(html.contains("data:image/svg+xml;base64,"), "the chart is on the page, so it prints with it")
            #expect(!html.contains("Testpatient"), "no names")
        }
    }

    @Test func theCSVCarriesTheSameFiguresAndTheRangeNarrowsThem() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await storeCohort(app)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let csv = try await lead.get("/programme/outcomes.csv?from=2020-01-01&to=2020-06-30")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            #expect(lines.first == OutcomesCSV.header)
            #expect(lines.contains("2020-01-01,2020-06-30,outcome,phq-9,reliable improvement,5,7,71%"))
            #expect(lines.contains("2020-01-01,2020-06-30,outcome,phq-9,reliable recovery,5,7,71%"))
            #expect(lines.contains("2020-01-01,2020-06-30,outcome,phq-9,reliable deterioration,< 5,7,"))
            // January to March: each patient's latest is March's 12, still above the cut-off, so the five improve without
            // recovering; the eighth patient has one questionnaire in this range (December's is outside it) and is not counted.
            let spring = try await lead.get("/programme/outcomes.csv?from=2020-01-01&to=2020-03-31").body.string
            #expect(spring.contains("outcome,phq-9,reliable improvement,5,7,71%") && spring.contains("outcome,phq-9,reliable recovery,< 5,7,"))
        }
    }

    @Test func badChoicesSayWhatWasWrongAndOnlyTheLeadMayLook() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            for (query, words) in [("from=2020-06-01&to=2020-01-01", "start before it ends"), ("from=2020-02-30&to=2020-03-01", "real days"),
                                   ("from=x&to=%00", "real days"), ("type=\(UUID().uuidString)", "does not exist")] {
                let page = try await lead.get("/programme/outcomes?" + query)
                #expect(page.status == .badRequest && page.body.string.contains(words), "\(query)")
            }
            #expect(try await lead.get("/programme/outcomes.csv?from=2020-06-01&to=2020-01-01").status == .badRequest)
            let whole = try await lead.get("/programme/outcomes").body.string
            #expect(whole.contains("id=\"outcome-attendance\"") && whole.contains("id=\"outcome-dropout\""))
            for user in [DemoStaff.therapistAsh.id, DemoStaff.admin.id, DemoStaff.supervisor.id] {
                let other = try await SignedInClients.web(app, userID: user)
                #expect(try await other.get("/programme/outcomes").status == .notFound)
                #expect(try await other.get("/programme/outcomes.csv").status == .notFound)
            }
        }
    }
}
