import Foundation

/// What a person typed into the patient search, made safe for a LIKE pattern: each word must
/// appear in the given or family name, or the whole text is a patient identifier (NHS number,
/// BSN, hospital number), with or without its spaces.
struct PatientSearch: Equatable {
    /// The words, without the pattern characters `%`, `_` and `\\` (a name never needs them).
    let words: [String]
    let identifierForms: [String]
    /// The text as typed (trimmed), to show back in the search box.
    let text: String

    static let maxLength = 100

    /// Nil for an empty search, or one with nothing searchable left.
    init?(_ typed: String?) {
        let text = String((typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maxLength))
        let words = text.split(whereSeparator: \.isWhitespace).map { $0.filter { !"%_\\".contains($0) } }.filter { !$0.isEmpty }.prefix(5)
        guard !words.isEmpty else { return nil }
        self.text = text
        self.words = Array(words)
        let compact = text.filter { !$0.isWhitespace }
        identifierForms = Array(Set([text, compact]))
    }
}
