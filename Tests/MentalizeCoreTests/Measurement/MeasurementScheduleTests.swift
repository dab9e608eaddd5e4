import Foundation
@testable import MentalizeCore
import Testing

/// When measures fall due, and how an assignment's window ages.
struct MeasurementScheduleTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let day: TimeInterval = 86_400

    func item(_ phase: ProgrammePhase, _ instrument: String, first: Int, every: Int?) -> MeasurementPlanItem {
        MeasurementPlanItem(id: UUID(), phase: phase, instrumentId: instrument, firstDueDays: first, repeatEveryDays: every)
    }

    @Test func repeatingItemFallsDueEveryIntervalUpToNow() {
        // setup
        let plan = [item(.treatment, "phq-9", first: 0, every: 28)]
        // act
        let due = MeasurementSchedule.due(plan: plan, phase: .treatment, phaseStart: start, now: start.addingTimeInterval(60 * day))
        // verify
        #expect(due.map(\.dueAt) == [0, 28, 56].map { start.addingTimeInterval(Double($0) * day) })
    }

    @Test func onceOnlyItemAndOtherPhasesAreIgnoredCorrectly() {
        // setup
        let plan = [item(.followUp, "phq-9", first: 182, every: nil), item(.followUp, "gad-7", first: 365, every: nil), item(.treatment, "bsl-23", first: 0, every: 28)]
        // act
        let early = MeasurementSchedule.due(plan: plan, phase: .followUp, phaseStart: start, now: start.addingTimeInterval(181 * day))
        let later = MeasurementSchedule.due(plan: plan, phase: .followUp, phaseStart: start, now: start.addingTimeInterval(400 * day))
        // verify
        #expect(early.isEmpty)
        #expect(later.map(\.instrumentId) == ["phq-9", "gad-7"])
    }

    @Test func planLineLimitsAreExplained() {
        #expect(MeasurementPlanItem.problem(firstDueDays: -1, repeatEveryDays: nil) == .firstDueOutOfRange)
        #expect(MeasurementPlanItem.problem(firstDueDays: 3_651, repeatEveryDays: 28) == .firstDueOutOfRange)
        #expect(MeasurementPlanItem.problem(firstDueDays: 0, repeatEveryDays: 3) == .repeatOutOfRange)
        #expect(MeasurementPlanItem.problem(firstDueDays: 0, repeatEveryDays: 366) == .repeatOutOfRange)
        #expect(MeasurementPlanItem.problem(firstDueDays: 0, repeatEveryDays: 28) == nil)
        #expect(MeasurementPlanItem.problem(firstDueDays: 3_650, repeatEveryDays: nil) == nil)
    }

    @Test(arguments: [(-1.0, AssignmentStatus.upcoming), (0, .due), (6.9, .due), (7, .overdue), (27.9, .overdue), (28, .expired)])
    func windowAges(days: Double, expected: AssignmentStatus) {
        let window = AssignmentWindow(overdueAfterDays: 7, expireAfterDays: 28)
        #expect(window.status(dueAt: start, now: start.addingTimeInterval(days * day), completed: false) == expected)
    }

    @Test func completedAndCancelledAreFinal() {
        let window = AssignmentWindow()
        #expect(window.status(dueAt: start, now: start.addingTimeInterval(100 * day), completed: true) == .completed)
        #expect(window.status(dueAt: start, now: start, completed: false, cancelled: true) == .cancelled)
        #expect(!AssignmentStatus.expired.isOpen && AssignmentStatus.overdue.isOpen)
    }
}

/// The alert lifecycle and its escalation rule.
struct RiskAlertStateTests {
    @Test func stepsGoInOrderOnly() {
        #expect(RiskAlertState.open.refusal(moving: .acknowledged) == nil)
        #expect(RiskAlertState.open.refusal(moving: .resolved) != nil)
        #expect(RiskAlertState.acknowledged.refusal(moving: .actionRecorded) == nil)
        #expect(RiskAlertState.acknowledged.refusal(moving: .acknowledged) != nil)
        #expect(RiskAlertState.actionRecorded.refusal(moving: .resolved) == nil)
        #expect(RiskAlertState.resolved.refusal(moving: .open) != nil)
        #expect(RiskAlertState.resolved.next == nil)
    }

    @Test func escalatesOnlyOpenUnescalatedAlertsOnceTheTimeHasPassed() {
        let rule = AlertEscalationRule(after: 3_600)
        let raised = Date(timeIntervalSince1970: 1_000_000)
        #expect(!rule.shouldEscalate(state: .open, raisedAt: raised, alreadyEscalated: false, now: raised.addingTimeInterval(3_599)))
        #expect(rule.shouldEscalate(state: .open, raisedAt: raised, alreadyEscalated: false, now: raised.addingTimeInterval(3_600)))
        #expect(!rule.shouldEscalate(state: .acknowledged, raisedAt: raised, alreadyEscalated: false, now: raised.addingTimeInterval(9_000)))
        #expect(!rule.shouldEscalate(state: .open, raisedAt: raised, alreadyEscalated: true, now: raised.addingTimeInterval(9_000)))
    }
}

/// Filling in: skip logic, progress and answer parsing.
struct ResponseProgressTests {
    @Test func skipLogicHidesAndDropsDisabledAnswers() throws {
        // setup
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        // act: "no" to question 2 hides 3-5; a stale answer to 3 is dropped
        let progress = ResponseProgress(definition: cssrs, answers: ["cssrs-1": .code("no"), "cssrs-2": .code("no"), "cssrs-3": .code("yes")])
        // verify
        #expect(!progress.questions.map(\.linkId).contains("cssrs-3"))
        #expect(progress.answers["cssrs-3"] == nil)
        #expect(progress.nextUnanswered?.linkId == "cssrs-6")
    }

    @Test func progressCountsAndNavigation() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        let progress = ResponseProgress(definition: phq, answers: MeasurementFixtures.answers("phq9", [1, 2, 0]))
        #expect(progress.answeredCount == 3)
        #expect(progress.questions.count >= 9)
        let first = try #require(progress.questions.first)
        #expect(progress.position(of: first.linkId) == 1)
        #expect(progress.question(before: first.linkId) == nil)
        #expect(progress.question(after: first.linkId)?.linkId == progress.questions[1].linkId)
    }

    @Test func parserExplainsBadAnswers() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        let item = try #require(phq.allItems.first { $0.isQuestion })
        #expect(AnswerParser.parse("", for: item) == .failure(.missing))
        #expect(AnswerParser.parse("7", for: item) == .failure(.notAnOption))
        #expect(AnswerParser.parse(" 1 ", for: item) == .success(.code("1")))
        let days = InstrumentItem(linkId: "days", type: .integer, text: "Days", required: true, loinc: nil, answerOptions: nil,
                                  minValue: 0, maxValue: 7, enableWhen: nil, enableBehavior: nil, items: nil)
        #expect(AnswerParser.parse("abc", for: days) == .failure(.notANumber))
        #expect(AnswerParser.parse("8", for: days) == .failure(.outOfRange(min: 0, max: 7)))
        #expect(AnswerParser.parse("7", for: days) == .success(.integer(7)))
    }
}
