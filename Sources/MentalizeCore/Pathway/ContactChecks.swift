/// Plain checks for contact details typed into registration forms: strict enough to catch typing
/// mistakes, loose enough for every country's formats.
public enum ContactChecks {
    /// An address with one `@`, a non-empty local part, a dotted domain and no spaces (≤ 254 characters).
    public static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
    }

    /// A phone number: digits with optional spaces, dashes, brackets and a leading `+`; 6 to 15 digits.
    public static func isPhone(_ text: String) -> Bool {
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || " -()+".contains($0) }) else { return false }
        guard !text.dropFirst().contains("+") else { return false }
        return (6...15).contains(text.filter(\.isNumber).count)
    }
}
