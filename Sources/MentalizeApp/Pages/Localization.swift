import Foundation
import LeafKit

/// The interface text of one language, loaded from `Resources/Locales/<code>.json`. Templates ask
/// for text with `#t("key")`; a missing key shows the key itself, and a test checks that every key
/// used by a template exists.
struct Localization: Sendable {
    let code: String
    let strings: [String: String]

    static func load(_ code: String, from resources: AppResources) throws -> Localization {
        let file = resources.localeFile(code)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ConfigurationError("the language file \(file.lastPathComponent) is missing from the resource bundle")
        }
        do {
            return Localization(code: code, strings: try JSONDecoder().decode([String: String].self, from: data))
        } catch {
            throw ConfigurationError("the language file \(file.lastPathComponent) is not a flat JSON object of strings")
        }
    }

    func text(_ key: String) -> String { strings[key] ?? key }
}

/// The `#t("key")` template tag. Its output is HTML-escaped like any other Leaf value.
struct LocalizedTextTag: LeafTag {
    let localization: Localization

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1, let key = ctx.parameters[0].string else {
            throw LeafError(.unknownError("#t takes exactly one text key"))
        }
        return .string(localization.text(key))
    }
}
