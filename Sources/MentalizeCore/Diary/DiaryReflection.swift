/// What `DiaryReflector.reflect` decided for an entry.
public enum DiaryReflectionOutcome: String, Codable, Sendable {
    /// Risk language was found: show the safety content, offer no prompts.
    case routeToSafety
    /// One or two reflection questions from the reviewed bank.
    case prompts
    /// The entry has no text to reflect on.
    case nothingToReflectOn
}

/// A reflection question from the bank, with the words in the entry that led to it.
public struct DiaryPromptSuggestion: Codable, Sendable, Equatable {
    public var prompt: ReflectionPrompt
    /// Why this question was picked (the imbalance the analyzer saw), for staff, not the patient.
    public var reason: String
    /// May be empty when the question answers the entry as a whole.
    public var evidence: [DiaryEvidence]
}

/// The result of reflecting on a diary entry. Never generated text: prompts come only from the bank.
public struct DiaryReflection: Codable, Sendable, Equatable {
    public var outcome: DiaryReflectionOutcome
    /// The risk phrases found, mapped to fields; empty unless the outcome is `routeToSafety`
    /// (and may be empty then too, when the screen could not load and failed safe).
    public var safetyMatches: [DiaryEvidence]
    /// At most `DiaryReflector.maximumPrompts`; empty unless the outcome is `prompts`.
    public var prompts: [DiaryPromptSuggestion]
}
