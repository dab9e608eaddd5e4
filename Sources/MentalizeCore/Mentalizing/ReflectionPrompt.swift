import Foundation

/// The imbalances the prompt picker responds to (design doc §5.3).
public enum ReflectionTarget: String, Codable, Sendable, CaseIterable {
    case psychicEquivalence, teleological, pretend, otherOnly, selfOnly, cognitiveOnly
    case affectiveFlood, externalOnly, goodMentalizing, general
}

/// A reviewed reflection question from the bank (`Resources/Mentalizing/prompts.json`).
public struct ReflectionPrompt: Codable, Sendable, Equatable {
    public var id: String
    /// The MBT move, e.g. `validateFirst`, `actionToMeaning`, `invitePole`.
    public var move: String
    public var target: ReflectionTarget
    public var text: String
    public var rationale: String
}

/// A picked prompt with the reason and the words that led to it.
public struct ReflectionPromptChoice: Codable, Sendable, Equatable {
    public var prompt: ReflectionPrompt
    public var reason: String
    public var evidence: [EvidenceSpan]
}

struct ReflectionPromptBank: Decodable, Sendable {
    var prompts: [ReflectionPrompt]

    static let bundled: ReflectionPromptBank? = {
        guard let url = MentalizingResources.url(named: "prompts"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ReflectionPromptBank.self, from: data)
    }()
}
