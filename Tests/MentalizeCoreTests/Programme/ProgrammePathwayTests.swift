import MentalizeCore
import Testing

@Suite struct ProgrammePathwayTests {
    /// Every allowed move, written out as a table: (from, to, suitability needed).
    static let allowed: [(ProgrammeStatus, ProgrammeStatus, SuitabilityDecision?)] = [
        (.inPhase(.referral), .inPhase(.assessment), nil),
        (.inPhase(.referral), .exited(.declined), nil),
        (.inPhase(.referral), .exited(.transferred), nil),
        (.inPhase(.assessment), .inPhase(.mbtIntroductory), .suitable),
        (.inPhase(.assessment), .inPhase(.treatment), .suitable),
        (.inPhase(.assessment), .exited(.notSuitable), .notSuitable),
        (.inPhase(.assessment), .exited(.declined), nil),
        (.inPhase(.assessment), .exited(.transferred), nil),
        (.inPhase(.mbtIntroductory), .inPhase(.treatment), nil),
        (.inPhase(.mbtIntroductory), .exited(.declined), nil),
        (.inPhase(.mbtIntroductory), .exited(.droppedOut), nil),
        (.inPhase(.mbtIntroductory), .exited(.transferred), nil),
        (.inPhase(.treatment), .inPhase(.ending), nil),
        (.inPhase(.treatment), .exited(.declined), nil),
        (.inPhase(.treatment), .exited(.droppedOut), nil),
        (.inPhase(.treatment), .exited(.transferred), nil),
        (.inPhase(.ending), .inPhase(.followUp), nil),
        (.inPhase(.ending), .inPhase(.discharged), nil),
        (.inPhase(.ending), .exited(.droppedOut), nil),
        (.inPhase(.ending), .exited(.transferred), nil),
        (.inPhase(.followUp), .inPhase(.discharged), nil),
        (.inPhase(.followUp), .exited(.droppedOut), nil),
        (.inPhase(.followUp), .exited(.transferred), nil),
    ]

    @Test func everyPairOfStatusesUnderEveryDecisionMatchesTheTable() {
        var checked = 0
        for from in ProgrammeStatus.all {
            for to in ProgrammeStatus.all {
                for decision in [nil, SuitabilityDecision.suitable, .notSuitable] {
                    let rule = Self.allowed.first { $0.0 == from && $0.1 == to }
                    let expectAllowed = rule.map { $0.2 == nil || $0.2 == decision } ?? false
                    let refusal: TransitionRefusal?
                    do {
                        try ProgrammePathway.check(from: from, to: to, facts: PathwayFacts(suitability: decision))
                        refusal = nil
                    } catch {
                        refusal = error
                    }
                    #expect((refusal == nil) == expectAllowed, "\(from) → \(to) with \(String(describing: decision)): \(refusal.map { String(describing: $0) } ?? "allowed")")
                    checked += 1
                }
            }
        }
        #expect(checked == 11 * 11 * 3)
    }

    @Test func refusalsNameTheRuleBroken() {
        #expect(throws: TransitionRefusal.needsSuitableDecision(to: .treatment)) {
            try ProgrammePathway.check(from: .inPhase(.assessment), to: .inPhase(.treatment), facts: PathwayFacts())
        }
        #expect(throws: TransitionRefusal.finished(.inPhase(.discharged))) {
            try ProgrammePathway.check(from: .inPhase(.discharged), to: .inPhase(.followUp), facts: PathwayFacts())
        }
    }

    @Test func aPatientCanWalkTheWholePathway() throws {
        let facts = PathwayFacts(suitability: .suitable)
        let route: [ProgrammePhase] = [.referral, .assessment, .mbtIntroductory, .treatment, .ending, .followUp, .discharged]
        for (from, to) in zip(route, route.dropFirst()) {
            try ProgrammePathway.check(from: .inPhase(from), to: .inPhase(to), facts: facts)
        }
    }
}

@Suite struct ProgrammeStatusStorageTests {
    @Test func everyStatusRoundTripsThroughItsStoredForm() {
        for status in ProgrammeStatus.all {
            #expect(ProgrammeStatus(storageValue: status.storageValue) == status)
        }
        #expect(Set(ProgrammeStatus.all.map(\.storageValue)).count == ProgrammeStatus.all.count)
        #expect(ProgrammeStatus(storageValue: "exited:vanished") == nil)
        #expect(ProgrammeStatus(storageValue: "Treatment") == nil)
    }
}
