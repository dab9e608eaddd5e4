import Foundation

/// One risk phrase pattern: a sequence of word alternatives with up to `maxGap` other words allowed
/// between consecutive elements, all in one sentence. In an alternative a trailing `*` marks a
/// prefix and a lone `#` stands for any number written in digits ("took 30 pills").
struct RiskPattern: Decodable, Sendable {
    var id: String
    var sequence: [[String]]
    var maxGap: Int
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
