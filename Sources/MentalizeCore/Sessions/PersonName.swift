import Foundation

/// A person's name as the clinic holds it; used to make initials and to spot names in notes.
public struct PersonName: Hashable, Sendable, Codable {
    public let given: String
    /// May be empty for people with a single name.
    public let family: String

    public init(given: String, family: String) throws(NoteRefusal) {
        let given = given.trimmingCharacters(in: .whitespacesAndNewlines)
        let family = family.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !given.isEmpty || !family.isEmpty else { throw .emptyName }
        guard given.count + family.count <= 200 else { throw .tooLong(field: .name, limit: 200) }
        self.given = given
        self.family = family
    }

    /// One letter per name part, each followed by a full stop. Hyphenated parts count separately;
    /// family-name particles written in lower case stay lower case: "Anna de Vries" → "A.d.V.",
    /// "Jean-Luc Picard" → "J.L.P.".
    public var initials: String {
        Self.words(given + " " + family).compactMap { word in
            word.first { $0.isLetter }.map { letter in
                (letter.isLowercase ? String(letter) : letter.uppercased()) + "."
            }
        }.joined()
    }

    /// The words of the name that would identify the person: parts of two or more letters that do
    /// not start in lower case (so "de", "van" and "J" are left out), folded for comparison.
    var identifyingWords: Set<String> {
        Set(Self.words(given + " " + family).filter { word in
            word.filter(\.isLetter).count >= 2 && !(word.first { $0.isLetter }?.isLowercase ?? true)
        }.map(Self.fold))
    }

    /// Letter runs, split at anything that is not a letter (spaces, hyphens, apostrophes).
    static func words(_ text: String) -> [Substring] {
        text.split { !$0.isLetter }
    }

    static func fold<S: StringProtocol>(_ word: S) -> String {
        String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
