import Foundation

/// One risk phrase pattern: a sequence of word alternatives with a permitted gap between them.
struct RiskPattern: Decodable, Sendable {
    var id: String
    var sequence: [[String]]
    var maxGap: Int
    /// Per element: the exact alternatives as a set and the prefixes (alternatives ending in `*`).
    private let exact: [Set<String>]
    private let prefixes: [[String]]

    private enum CodingKeys: String, CodingKey { case id, sequence, maxGap }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        sequence = try container.decode([[String]].self, forKey: .sequence)
        maxGap = try container.decode(Int.self, forKey: .maxGap)
        exact = sequence.map { Set($0.filter { !$0.hasSuffix("*") }) }
        prefixes = sequence.map { $0.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) } }
    }

    /// True when `word` is one of the alternatives of element `position` (a trailing `*` is a prefix).
    func element(_ position: Int, accepts word: String) -> Bool {
        exact[position].contains(word) || prefixes[position].contains { word.hasPrefix($0) }
    }

    /// The token range matched when the pattern starts at `index`, or nil.
    func match(at index: Int, in tokens: [TextToken]) -> Range<Int>? {
        guard !sequence.isEmpty, element(0, accepts: tokens[index].norm) else { return nil }
        var last = index
        for position in 1..<max(sequence.count, 1) {
            var next = last + 1
            var found: Int?
            while next < tokens.count, next - last - 1 <= maxGap, tokens[next].sentence == tokens[index].sentence {
                if tokens[next].isWord, element(position, accepts: tokens[next].norm) { found = next; break }
                next += 1
            }
            guard let hit = found else { return nil }
            last = hit
        }
        return index..<(last + 1)
    }
}

/// The bundled list of risk patterns (`Resources/Mentalizing/risk-patterns.json`).
struct RiskPatternList: Decodable, Sendable {
    var patterns: [RiskPattern]

    static let bundled: RiskPatternList? = {
        guard let url = MentalizingResources.url(named: "risk-patterns"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(RiskPatternList.self, from: data)
    }()
}
