import Foundation
import Leaf
import LeafKit
import MentalizeCore

/// The interface text of one language, loaded from `Resources/Locales/<code>.json`.
struct Localization: Sendable {
    let code: String
    let strings: [String: String]

    static func load(_ file: URL) throws -> Localization {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ConfigurationError("the language file \(file.lastPathComponent) is missing from the resource bundle")
        }
        do {
            return Localization(code: file.deletingPathExtension().lastPathComponent, strings: try JSONDecoder().decode([String: String].self, from: data))
        } catch {
            throw ConfigurationError("the language file \(file.lastPathComponent) is not a flat JSON object of strings")
        }
    }
}

/// Every language shipped: one JSON file per language in `Resources/Locales`, each with plural
/// rules in the core (`PluralRules`). Templates ask for text with `#t("key")` in the request's
/// language; a key missing there falls back to English, and a test checks every language has
/// every key.
struct Localizations: Sendable {
    let catalogs: [String: Localization]

    var available: Set<String> { Set(catalogs.keys) }

    static func load(from resources: AppResources) throws -> Localizations {
        let folder = resources.localeFile(LanguageNegotiation.fallback).deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var catalogs: [String: Localization] = [:]
        for name in files {
            let catalog = try Localization.load(folder.appendingPathComponent(name))
            guard PluralRules.languages.contains(catalog.code) else {
                throw ConfigurationError("the language file \(name) has no plural rules in PluralRules: add them before shipping the language")
            }
            catalogs[catalog.code] = catalog
        }
        guard catalogs[LanguageNegotiation.fallback] != nil else {
            throw ConfigurationError("the language file \(LanguageNegotiation.fallback).json is missing from the resource bundle")
        }
        return Localizations(catalogs: catalogs)
    }

    /// The text of `key` in `language`, else in English, else the key itself.
    func text(_ key: String, in language: String) -> String {
        catalogs[language]?.strings[key] ?? catalogs[LanguageNegotiation.fallback]?.strings[key] ?? key
    }

    /// The plural form of `key` for `count` (`key.one` or `key.other`), with `{count}` filled in.
    func plural(_ key: String, count: Int, in language: String) -> String {
        let category = PluralRules.category(of: count, in: language) ?? .other
        return text("\(key).\(category.rawValue)", in: language).replacingOccurrences(of: "{count}", with: String(count))
    }
}

/// The `#t("key")` template tag, in the request's language. Its output is HTML-escaped like any
/// other Leaf value.
struct LocalizedTextTag: LeafTag {
    let localizations: Localizations

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1, let key = ctx.parameters[0].string else {
            throw LeafError(.unknownError("#t takes exactly one text key"))
        }
        return .string(localizations.text(key, in: ctx.request?.language ?? LanguageNegotiation.fallback))
    }
}

/// The `#tn("key", count)` tag: the plural form for the count in the request's language.
struct PluralTextTag: LeafTag {
    let localizations: Localizations

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let key = ctx.parameters[0].string, let count = ctx.parameters[1].int else {
            throw LeafError(.unknownError("#tn takes a text key and a whole number"))
        }
        return .string(localizations.plural(key, count: count, in: ctx.request?.language ?? LanguageNegotiation.fallback))
    }
}

/// Interface text built in Swift (titles, form errors, refusals, e-mails), from the same catalogues
/// as the templates: in the language of the request being answered (English in background work),
/// or in a language named, such as an e-mail's recipient's.
enum PageText {
    /// The shipped catalogues; `configure` loads the same files first and refuses to start on a bad one.
    private static let localizations: Localizations? = try? Localizations.load(from: AppResources.bundled())

    /// The languages shipped.
    static var languages: Set<String> { localizations?.available ?? [LanguageNegotiation.fallback] }

    /// The text of `key` in the current request's language.
    static func text(_ key: String) -> String {
        text(key, in: DisplayTime.language)
    }

    /// The text of `key` in `language`, else English, else the key.
    static func text(_ key: String, in language: String) -> String {
        localizations?.text(key, in: language) ?? key
    }

    /// The text of `key` in the current request's language with each `{name}` filled in.
    static func text(_ key: String, _ values: [String: String]) -> String {
        values.reduce(text(key)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// The plural form of `key` for `count`, with `{count}` filled in.
    static func plural(_ key: String, count: Int, in language: String = DisplayTime.language) -> String {
        localizations?.plural(key, count: count, in: language) ?? key
    }
}
