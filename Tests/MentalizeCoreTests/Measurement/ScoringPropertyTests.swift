import Testing
@testable import MentalizeCore

/// Property tests over every shipped definition with a seeded generator: random valid answer
/// sets (skip logic respected, some items left out) either score within range or fail only
/// because more items are missing than the scale's rule allows.
@Suite("Scoring properties over every shipped definition")
struct ScoringPropertyTests {
    private func randomAnswers(
        _ definition: InstrumentDefinition, omitChance: Double, generator: inout MeasurementSeededGenerator
    ) -> [String: ItemAnswer] {
        var answers: [String: ItemAnswer] = [:]
        for item in definition.allItems where item.isQuestion {
            if !item.required, Double.random(in: 0..<1, using: &generator) < omitChance { continue }
            if let options = item.answerOptions, let option = options.randomElement(using: &generator) {
                answers[item.linkId] = .code(option.code)
            } else if let low = item.minValue, let high = item.maxValue {
                answers[item.linkId] = .integer(Int.random(in: low...high, using: &generator))
            }
        }
        let enabled = SkipLogic(definition: definition, answers: answers).enabledLinkIds()
        return answers.filter { enabled.contains($0.key) }
    }

    @Test("complete answer sets always score within range, with a band where bands exist")
    func completeAnswersInRange() throws {
        var generator = MeasurementSeededGenerator(seed: 20_261_121)
        for definition in try MeasurementFixtures.catalog().definitions {
            for _ in 0..<300 {
                let answers = randomAnswers(definition, omitChance: 0, generator: &generator)
                let result = try ScoringEngine.score(definition, answers: answers)
                for score in result.scales {
                    let scale = try #require(definition.scale(id: score.scaleId))
                    #expect(scale.range.contains(score.value), "\(definition.id) \(score.scaleId) = \(score.value)")
                    #expect(!score.proRated)
                    #expect((score.band != nil) == (scale.bands != nil))
                }
                #expect(result.scales.count == definition.scoring?.scales.count ?? 0)
                if definition.id == "phq-9" {
                    #expect(result.risk.requiresAlert == (answers["phq9-9"] != .code("0")))
                }
            }
        }
    }

    @Test("with items left out, scoring succeeds exactly when the missing-item rule allows it")
    func missingItemRule() throws {
        var generator = MeasurementSeededGenerator(seed: 42)
        var scoredWithProRating = 0
        var refused = 0
        for definition in try MeasurementFixtures.catalog().definitions {
            for _ in 0..<300 {
                let answers = randomAnswers(definition, omitChance: 0.08, generator: &generator)
                let enabled = SkipLogic(definition: definition, answers: answers).enabledLinkIds()
                let tooMany = (definition.scoring?.scales ?? []).contains { scale in
                    let missing = scale.items.filter { enabled.contains($0) && answers[$0] == nil }.count
                    return missing > (scale.missing.method == .proRate ? scale.missing.maxMissing : 0)
                }
                do {
                    let result = try ScoringEngine.score(definition, answers: answers)
                    #expect(!tooMany, "\(definition.id) scored despite too many missing items")
                    for score in result.scales {
                        let scale = try #require(definition.scale(id: score.scaleId))
                        #expect(scale.range.contains(score.value))
                        #expect(score.proRated == !score.missingItems.isEmpty)
                        #expect(score.missingItems.count <= scale.missing.maxMissing)
                        if score.proRated { scoredWithProRating += 1 }
                    }
                } catch let error as ScoringError {
                    guard case .tooManyMissing = error else {
                        Issue.record("\(definition.id): unexpected \(error)")
                        continue
                    }
                    #expect(tooMany, "\(definition.id) refused although the rule allows it")
                    refused += 1
                }
            }
        }
        // the generator must exercise both paths
        #expect(scoredWithProRating > 0)
        #expect(refused > 0)
    }
}
