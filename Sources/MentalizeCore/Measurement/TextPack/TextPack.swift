public import Foundation

/// A clinic's licensed item texts for one instrument in one language, loaded separately from
/// the open definition (for example with `mentalize instruments import-text FILE`).
public struct TextPack: Codable, Sendable, Equatable {
    public let instrumentId: String
    public let version: String
    /// BCP-47 language, for example `en` or `nl`.
    public let language: String
    /// The instrument's title in this language (nil: the definition's title is used).
    public let title: String?
    /// Texts keyed by item linkId.
    public let items: [String: ItemTexts]

    public init(instrumentId: String, version: String, language: String, title: String? = nil, items: [String: ItemTexts]) {
        self.instrumentId = instrumentId
        self.version = version
        self.language = language
        self.title = title
        self.items = items
    }

    /// Decodes a text pack from JSON; a malformed document throws `TextPackError.malformed`.
    public static func decode(_ data: Data) throws -> TextPack {
        do {
            return try JSONDecoder().decode(TextPack.self, from: data)
        } catch {
            let issue = DecodingIssue.describe(error, file: "text pack")
            throw TextPackError(problems: ["\(issue.path.isEmpty ? "(root)" : issue.path): \(issue.message)"])
        }
    }

    /// Checks the pack against its definition: same instrument and version, a text for every
    /// item and answer option, and no unknown linkIds or codes. Throws every problem at once.
    public func validate(against definition: InstrumentDefinition) throws {
        var problems: [String] = []
        if instrumentId != definition.id {
            problems.append("instrumentId '\(instrumentId)' does not match '\(definition.id)'")
        }
        if version != definition.version {
            problems.append("version '\(version)' does not match the definition's '\(definition.version)'")
        }
        if language.isEmpty { problems.append("language must not be empty") }
        if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("title must not be empty when given") }
        for item in definition.allItems {
            guard let texts = items[item.linkId] else {
                problems.append("items.\(item.linkId): missing")
                continue
            }
            if texts.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("items.\(item.linkId).text: must not be empty")
            }
            let codes = (item.answerOptions ?? []).map(\.code)
            for code in codes where (texts.options?[code] ?? "").isEmpty {
                problems.append("items.\(item.linkId).options.\(code): missing")
            }
            for code in (texts.options ?? [:]).keys.sorted() where !codes.contains(code) {
                problems.append("items.\(item.linkId).options.\(code): not an answer code of this item")
            }
        }
        for linkId in items.keys.sorted() where definition.item(linkId: linkId) == nil {
            problems.append("items.\(linkId): not an item of \(definition.id)")
        }
        if !problems.isEmpty { throw TextPackError(problems: problems) }
    }
}

/// The texts of one item: its question text and the display text of each answer code.
public struct ItemTexts: Codable, Sendable, Equatable {
    public let text: String
    public let options: [String: String]?

    public init(text: String, options: [String: String]? = nil) {
        self.text = text
        self.options = options
    }
}

/// Why a text pack cannot be used; lists every problem found.
public struct TextPackError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        "Invalid text pack:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
