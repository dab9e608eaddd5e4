/// Decides which items are enabled: an item is asked when its parent group is enabled and its
/// `enableWhen` conditions hold. Answers to disabled items count as absent, as in FHIR.
public struct SkipLogic: Sendable {
    public let definition: InstrumentDefinition
    public let answers: [String: ItemAnswer]

    public init(definition: InstrumentDefinition, answers: [String: ItemAnswer]) {
        self.definition = definition
        self.answers = answers
    }

    /// linkIds of all enabled items (questions, displays and groups).
    public func enabledLinkIds() -> Set<String> {
        var enabled = Set<String>()
        var effectiveAnswers: [String: ItemAnswer] = [:]
        // Document order: conditions refer to earlier items; a later or disabled target reads as unanswered.
        visit(definition.items, parentEnabled: true, enabled: &enabled, effectiveAnswers: &effectiveAnswers)
        return enabled
    }

    private func visit(
        _ items: [InstrumentItem], parentEnabled: Bool, enabled: inout Set<String>,
        effectiveAnswers: inout [String: ItemAnswer]
    ) {
        for item in items {
            let evaluator = ConditionEvaluator(definition: definition, answers: effectiveAnswers)
            let isEnabled = parentEnabled && evaluator.holds(item.enableWhen ?? [], behavior: item.enableBehavior)
            if isEnabled {
                enabled.insert(item.linkId)
                effectiveAnswers[item.linkId] = answers[item.linkId]
            }
            visit(item.items ?? [], parentEnabled: isEnabled, enabled: &enabled, effectiveAnswers: &effectiveAnswers)
        }
    }
}
