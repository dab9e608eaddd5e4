import Foundation

/// Numbers with a fraction, written as the language writes them: "4.5" in English, "4,5" in Dutch,
/// German, Norwegian and Danish.
public enum NumberText {
    static let commaLanguages: Set<String> = ["nl", "de", "nb", "da"]

    /// `value` with `digits` digits after the separator.
    public static func decimal(_ value: Double, digits: Int, in language: String) -> String {
        let text = String(format: "%.\(max(0, min(digits, 6)))f", value)
        return commaLanguages.contains(language) ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
