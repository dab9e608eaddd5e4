import Foundation

/// One risk phrase pattern: a sequence of word alternatives with up to `maxGap` other words allowed
/// between consecutive elements, all in one sentence. In an alternative a trailing `*` marks a
/// prefix and a lone `#` stands for any number written in digits ("took 30 pills").
struct RiskPattern: Decodable, Sendable {
    var id: String
    var sequence: [[String]]
    var maxGap: Int
}

/// The bundled risk patterns: English (`Resources/Mentalizing/risk-patterns.json`) and Dutch
/// (`risk-patterns-nl.json`). Every text is screened with every language's patterns, whatever the
/// page's language: people write in more than one, and recall comes first. Nil when any file
/// cannot be read, so the screen fails safe.
struct RiskPatternList: Decodable, Sendable {
    var patterns: [RiskPattern]

    static let files = ["risk-patterns", "risk-patterns-nl"]

    static let bundled: RiskPatternList? = {
        var patterns: [RiskPattern] = []
        for name in files {
            guard let url = MentalizingResources.url(named: name), let data = try? Data(contentsOf: url),
                  let list = try? JSONDecoder().decode(RiskPatternList.self, from: data) else { return nil }
            patterns += list.patterns
        }
        return RiskPatternList(patterns: patterns)
    }()
}
