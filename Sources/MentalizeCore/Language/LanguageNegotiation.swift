import Foundation

/// Which language a page is shown in: the person's saved choice, else the clinic's default, else
/// the browser's `Accept-Language`, else English, always one of the languages shipped.
public enum LanguageNegotiation {
    /// The language every catalogue falls back to.
    public static let fallback = "en"

    public static func choose(saved: String?, clinicDefault: String?, acceptLanguage: String?, available: Set<String>) -> String {
        for candidate in [saved, clinicDefault].compactMap({ $0.map(primary) }) where available.contains(candidate) {
            return candidate
        }
        if let header = acceptLanguage, let wanted = preferences(header).first(where: available.contains) { return wanted }
        return fallback
    }

    /// The languages of an `Accept-Language` header, best first: primary subtags ("nl-BE" is
    /// "nl"), by quality (ties keep their order), without those refused with `q=0` or malformed.
    public static func preferences(_ header: String) -> [String] {
        var ranked: [(language: String, quality: Double, position: Int)] = []
        for (position, part) in header.split(separator: ",").prefix(32).enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = fields.first, !range.isEmpty, range != "*" else { continue }
            var quality = 1.0
            for parameter in fields.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? -1
            }
            guard quality > 0, quality <= 1 else { continue }
            let language = primary(range)
            guard (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
            ranked.append((language, quality, position))
        }
        var seen: Set<String> = []
        return ranked.sorted { ($0.quality, -$0.position) > ($1.quality, -$1.position) }.map(\.language).filter { seen.insert($0).inserted }
    }

    /// "nl-BE" → "nl", lower-cased.
    static func primary(_ tag: String) -> String {
        String(tag.split(separator: "-").first ?? "").lowercased()
    }
}
