import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The PHQ-9 case from the issue: 17 at intake, 7 at the end of October, 10 now. The measures page
/// must not read only "reliable improvement since the first response": it shows the rise since the
/// previous questionnaire next to it, and the chart summary flags it.
@Suite struct ChangeStatementPageTests {
    let gray = DemoPatients.all[6]

    private func store(_ app: Application, total: Int, at instant: String) async throws {
        try await Self.store(app, patient: gray.id, total: total, at: instant)
    }

    /// Stores a completed PHQ-9 of `total` (items filled from the first), with item 9 set apart when given.
    static func store(_ app: Application, patient: UUID, total: Int, at instant: String, itemNine: Int = 0) async throws {
        let phq = try #require(try app.measurement.catalog.definition(id: "phq-9"))
        let rest = total - itemNine
        var codes = (0..<8).map { index in min(3, max(0, rest - 3 * index)) }
        codes.append(itemNine)
        let answers = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ("phq9-\($0.offset + 1)", ItemAnswer.code(String($0.element))) })
        let score = try ScoringEngine.score(phq, answers: answers)
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        let response = MeasureResponse()
        response.$patient.id = patient
        response.instrumentID = phq.id
        response.instrumentVersion = phq.version
        response.entryMode = ResponseEntryMode.paperOnBehalf.rawValue
        response.$enteredBy.id = DemoStaff.therapistAsh.id
        response.idempotencyKey = "test:\(patient):\(instant)"
        response.answersJSON = MeasureAnswers.encode(answers)
        response.startedAt = date
        response.completedAt = date
        response.scoreJSON = MeasureAnswers.encode(score)
        response.primaryScore = score.primary?.value
        try await response.create(on: app.db)
    }

    @Test func theRecentRiseStandsNextToTheChangeSinceTheFirstQuestionnaire() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await store(app, total: 17, at: "2026-01-22T10:00:00Z")
            try await store(app, total: 7, at: "2026-10-29T10:00:00Z")
            try await store(app, total: 10, at: "2026-11-17T10:00:00Z")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let page = try await ash.get(SiteRoute.patientMeasures.path(patient: gray.id)).body.string
            #expect(page.contains("Since the first questionnaire on Thu 22 Jan 2026: 17 → 10, −7, reliable improvement"))
            #expect(page.contains("Since the previous one on Thu 29 Oct 2026: 7 → 10, +3, no reliable change; at or above the cut-off (10) again"))
            #expect(page.contains("Look at the recent change"))
            let chart = try await ash.get(SiteRoute.patient.path(patient: gray.id)).body.string
            #expect(chart.contains("Look at the recent change") && chart.contains("PHQ-9") && chart.contains("7 → 10, +3"))
        }
    }

    @Test func aSteadyImprovementIsNotFlagged() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await store(app, total: 17, at: "2026-01-22T10:00:00Z")
            try await store(app, total: 9, at: "2026-10-29T10:00:00Z")
            try await store(app, total: 6, at: "2026-11-17T10:00:00Z")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let page = try await ash.get(SiteRoute.patientMeasures.path(patient: gray.id)).body.string
            #expect(page.contains("17 → 6, −11, reliable improvement, below cut-off") && page.contains("9 → 6, −3, no reliable change"))
            #expect(!page.contains("Look at the recent change"))
            #expect(!(try await ash.get(SiteRoute.patient.path(patient: gray.id)).body.string.contains("Look at the recent change")))
        }
    }
}
