/// Initials for everyone in a group, so notes can name other members by initials only.
public enum Initials {
    /// Each member's initials; members who would share initials are numbered in a stable order
    /// (family name, given name, id): "A.B.", "A.B. (2)".
    public static func directory(_ names: [PatientID: PersonName]) -> [PatientID: String] {
        let ordered = names.sorted {
            ($0.value.family, $0.value.given, $0.key.description) < ($1.value.family, $1.value.given, $1.key.description)
        }
        var seen: [String: Int] = [:]
        var result: [PatientID: String] = [:]
        for (patient, name) in ordered {
            let base = name.initials
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            result[patient] = count == 1 ? base : "\(base) (\(count))"
        }
        return result
    }
}

/// A name of another group member found in note text.
public struct NameMention: Hashable, Sendable, Codable {
    public let patient: PatientID
    /// The word as written in the note.
    public let word: String
}

/// Finds other members' names in note text. A word is flagged when it is written with a capital
/// letter and matches (ignoring case and accents) a given or family name part of another member of
/// two or more letters; lower-case particles such as "de" are not matched.
public enum NamePrivacy {
    public static func mentions(in text: String, names: [PatientID: PersonName], excluding author: PatientID? = nil) -> [NameMention] {
        let candidates = names.filter { $0.key != author }.map { ($0.key, $0.value.identifyingWords) }
        var found: [NameMention] = []
        for word in PersonName.words(text) where word.first?.isUppercase == true {
            let folded = PersonName.fold(word)
            for (patient, parts) in candidates where parts.contains(folded) {
                let mention = NameMention(patient: patient, word: String(word))
                if !found.contains(mention) { found.append(mention) }
            }
        }
        return found
    }
}
