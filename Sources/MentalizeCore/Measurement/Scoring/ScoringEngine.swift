/// Scores a response against its instrument definition: checks every answer, applies skip
/// logic, computes each scale with its missing-item rule, band and caseness, and evaluates
/// the risk rules. Pure and deterministic.
public enum ScoringEngine {
    /// Scores `answers` (keyed by linkId). Throws `ScoringError` when an answer is invalid or a
    /// scale has more unanswered items than its rule tolerates.
    public static func score(_ definition: InstrumentDefinition, answers: [String: ItemAnswer]) throws -> ScoreResult {
        for (linkId, answer) in answers.sorted(by: { $0.key < $1.key }) {
            try check(answer, linkId: linkId, definition: definition)
        }
        let enabled = SkipLogic(definition: definition, answers: answers).enabledLinkIds()
        if let skipped = answers.keys.sorted().first(where: { !enabled.contains($0) }) {
            throw ScoringError.answeredSkippedItem(linkId: skipped)
        }
        let questions = definition.allItems.filter { $0.isQuestion && enabled.contains($0.linkId) }
        if let missing = questions.first(where: { $0.required && answers[$0.linkId] == nil }) {
            throw ScoringError.requiredItemMissing(linkId: missing.linkId)
        }
        let scales = try (definition.scoring?.scales ?? []).map { scale in
            try score(scale, definition: definition, answers: answers, enabled: enabled)
        }
        return ScoreResult(
            instrumentId: definition.id,
            instrumentVersion: definition.version,
            scales: scales,
            enabledItems: questions.map(\.linkId),
            risk: assessRisk(definition, answers: answers),
            primaryScaleId: definition.scoring?.primaryScale
        )
    }

    private static func check(_ answer: ItemAnswer, linkId: String, definition: InstrumentDefinition) throws {
        guard let item = definition.item(linkId: linkId) else { throw ScoringError.unknownItem(linkId: linkId) }
        guard item.isQuestion else { throw ScoringError.notAQuestion(linkId: linkId) }
        switch (answer, item.type) {
        case let (.code(code), .choice):
            if item.option(code: code) == nil {
                throw ScoringError.unknownCode(linkId: linkId, code: code, allowed: (item.answerOptions ?? []).map(\.code))
            }
        case let (.integer(value), .integer):
            let low = item.minValue ?? Int.min
            let high = item.maxValue ?? Int.max
            if value < low || value > high {
                throw ScoringError.outOfRange(linkId: linkId, value: value, min: low, max: high)
            }
        default:
            throw ScoringError.wrongAnswerType(linkId: linkId, expected: item.type)
        }
    }

    private static func score(
        _ scale: ScaleDefinition, definition: InstrumentDefinition, answers: [String: ItemAnswer], enabled: Set<String>
    ) throws -> ScaleScore {
        var values: [Double] = []
        var missing: [String] = []
        for linkId in scale.items where enabled.contains(linkId) {
            guard let item = definition.item(linkId: linkId) else { continue }
            guard let answer = answers[linkId] else {
                missing.append(linkId)
                continue
            }
            if let raw = answer.value(on: item), let value = ItemTransform(item: item, scale: scale).apply(raw) {
                values.append(value)
            }
        }
        let allowed = scale.missing.method == .proRate ? scale.missing.maxMissing : 0
        if missing.count > allowed || values.isEmpty {
            throw ScoringError.tooManyMissing(scale: scale.id, missing: missing, allowed: allowed)
        }
        let total = values.reduce(0, +)
        let value: Double
        switch scale.method {
        case .sum:
            let asked = Double(values.count + missing.count)
            value = missing.isEmpty ? total : (total * asked / Double(values.count)).rounded(.toNearestOrAwayFromZero)
        case .mean:
            value = total / Double(values.count)
        }
        return ScaleScore(
            scaleId: scale.id,
            value: value,
            missingItems: missing,
            proRated: !missing.isEmpty,
            band: scale.band(for: value),
            isCase: scale.caseness?.isCase(value, direction: scale.direction)
        )
    }

    private static func assessRisk(_ definition: InstrumentDefinition, answers: [String: ItemAnswer]) -> RiskAssessment {
        let evaluator = ConditionEvaluator(definition: definition, answers: answers)
        let matched = definition.riskRules.filter { evaluator.holds($0.conditions, behavior: $0.behavior) }
        return RiskAssessment(
            matchedRules: matched.map(\.id),
            level: matched.map(\.level).max(),
            requiresAlert: matched.contains { $0.alert }
        )
    }
}
