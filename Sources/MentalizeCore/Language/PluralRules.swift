/// A CLDR plural category. The languages Mentalize knows use two for whole numbers.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, other
}

/// CLDR cardinal plural rules for whole numbers, per language. English, Dutch, German, Norwegian
/// Bokmål and Danish all say "one" for exactly 1 and "other" for every other whole number
/// (0, 2, 21, 101 …); Danish's extra "one" cases concern fractions, which counts never are.
public enum PluralRules {
    /// The languages whose rules are known.
    public static let languages: Set<String> = ["en", "nl", "de", "nb", "da"]

    /// The category of `count` in `language`; nil for a language whose rules are not known.
    public static func category(of count: Int, in language: String) -> PluralCategory? {
        guard languages.contains(language) else { return nil }
        return count == 1 ? .one : .other
    }
}
