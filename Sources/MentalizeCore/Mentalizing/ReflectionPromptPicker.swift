/// Picks one or two reflection questions, ranked by the imbalance the analysis detected.
/// Deterministic: the same analysis always gives the same prompts. Nothing is generated.
public struct ReflectionPromptPicker: Sendable {
    private let prompts: [ReflectionPrompt]

    public init() {
        prompts = ReflectionPromptBank.bundled?.prompts ?? []
    }

    /// Every question in the reviewed bank: the only texts the picker ever returns.
    public static var reviewedBank: [ReflectionPrompt] { ReflectionPromptBank.bundled?.prompts ?? [] }

    public func pick(for analysis: MentalizingAnalysis, limit: Int) -> [ReflectionPromptChoice] {
        guard analysis.status != .routeToSafety, limit > 0 else { return [] }
        var choices: [ReflectionPromptChoice] = []
        for need in ImbalanceRanker.rank(analysis) where choices.count < limit {
            // Psychic equivalence takes both of its moves in order: validate first, then alternatives.
            let candidates = prompts.filter { $0.target == need.target }
            let take = need.target == .psychicEquivalence ? candidates : Array(candidates.prefix(1))
            for prompt in take where choices.count < limit {
                choices.append(ReflectionPromptChoice(prompt: prompt, reason: need.reason, evidence: need.evidence))
            }
        }
        return choices
    }
}
