import Foundation

/// The reviewed reflection questions in other languages (`Resources/Mentalizing/prompts-<code>.json`):
/// the same ids as the English bank, each with its text translated by a person.
public enum ReflectionPromptTranslations {
    private struct Bank: Decodable {
        var prompts: [String: String]
    }

    private static let banks: [String: [String: String]] = {
        var banks: [String: [String: String]] = [:]
        for language in PluralRules.languages where language != "en" {
            guard let url = MentalizingResources.url(named: "prompts-\(language)"),
                  let data = try? Data(contentsOf: url),
                  let bank = try? JSONDecoder().decode(Bank.self, from: data) else { continue }
            banks[language] = bank.prompts
        }
        return banks
    }()

    /// The translated prompt ids per language, for the completeness test.
    public static var languages: [String: Set<String>] { banks.mapValues { Set($0.keys) } }

    /// The prompt's text in `language`, else its English text.
    public static func text(of prompt: ReflectionPrompt, in language: String) -> String {
        banks[language]?[prompt.id] ?? prompt.text
    }
}
