/// Turns a diary entry into either a route to safety or at most two reflection questions.
/// The risk screen runs first; only when it is quiet does the analyzer run and the prompt picker
/// choose from the reviewed bank. Deterministic. Create one and reuse it: it compiles the patterns.
public struct DiaryReflector: Sendable {
    public static let maximumPrompts = 2

    private let screen = RiskLanguageScreen()
    private let analyzer = MentalizingAnalyzer()
    private let picker = ReflectionPromptPicker()

    public init() {}

    public func reflect(_ entry: DiaryEntry) -> DiaryReflection {
        let composed = DiaryAnalyzerText(entry: entry)
        let risk = screen.screen(composed.text)
        if risk.routeToSafety {
            return Self.safety(risk, composed)
        }
        guard !composed.text.isEmpty else {
            return DiaryReflection(outcome: .nothingToReflectOn, safetyMatches: [], prompts: [])
        }
        let analysis = analyzer.analyze(composed.text)
        if analysis.status == .routeToSafety {
            return Self.safety(analysis.risk, composed)
        }
        // Picked feelings already name what was felt, so a question inviting feeling is skipped.
        let skipped: Set<ReflectionTarget> = entry.emotions.isEmpty ? [] : [.cognitiveOnly]
        let prompts = picker.pick(for: analysis, limit: .max)
            .filter { !skipped.contains($0.prompt.target) }
            .prefix(Self.maximumPrompts)
            .map { choice in
                DiaryPromptSuggestion(prompt: choice.prompt, reason: choice.reason,
                                      evidence: choice.evidence.flatMap(composed.locate))
            }
        return DiaryReflection(outcome: .prompts, safetyMatches: [], prompts: prompts)
    }

    private static func safety(_ risk: RiskScreenResult, _ composed: DiaryAnalyzerText) -> DiaryReflection {
        DiaryReflection(outcome: .routeToSafety, safetyMatches: risk.matches.flatMap(composed.locate), prompts: [])
    }
}
