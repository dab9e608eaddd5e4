import Foundation

/// One risk phrase pattern: a sequence of word alternatives (a trailing `*` marks a prefix) with up
/// to `maxGap` other words allowed between consecutive elements, all in one sentence.
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

/// A set of up to 256 pattern elements, one bit each, so a token is tested against an element with
/// one bit operation after a single look-up of its word.
struct RiskElementMask: Sendable {
    static let capacity = 256
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

    mutating func insert(_ bit: Int) {
        let mask = UInt64(1) << UInt64(bit % 64)
        switch bit / 64 {
        case 0: words.0 |= mask
        case 1: words.1 |= mask
        case 2: words.2 |= mask
        default: words.3 |= mask
        }
    }

    func contains(_ bit: Int) -> Bool {
        let mask = UInt64(1) << UInt64(bit % 64)
        switch bit / 64 {
        case 0: return words.0 & mask != 0
        case 1: return words.1 & mask != 0
        case 2: return words.2 & mask != 0
        default: return words.3 & mask != 0
        }
    }
}

/// The compiled pattern list: every element gets a bit; each word maps to the elements it satisfies.
struct RiskMatcher: Sendable {
    private let patterns: [RiskPattern]
    /// Bit of the first element of each pattern; element k of pattern p has bit `firstBit[p] + k`.
    private let firstBit: [Int]
    private let masksByWord: [String: RiskElementMask]
    private let prefixes: [(prefix: String, bit: Int)]

    /// Nil when the list has more elements than a mask can hold.
    init?(patterns: [RiskPattern]) {
        var bit = 0
        var firstBits: [Int] = []
        var masks: [String: RiskElementMask] = [:]
        var prefixList: [(prefix: String, bit: Int)] = []
        for pattern in patterns {
            firstBits.append(bit)
            for alternatives in pattern.sequence {
                guard bit < RiskElementMask.capacity else { return nil }
                for word in alternatives {
                    if word.hasSuffix("*") { prefixList.append((String(word.dropLast()), bit)) } else { masks[word, default: RiskElementMask()].insert(bit) }
                }
                bit += 1
            }
        }
        self.patterns = patterns
        firstBit = firstBits
        masksByWord = masks
        prefixes = prefixList
    }

    /// Every pattern occurrence as (pattern id, token range).
    func matches(in tokens: [TextToken]) -> [(id: String, range: Range<Int>)] {
        let masks = tokens.map(mask(of:))
        var found: [(id: String, range: Range<Int>)] = []
        for index in tokens.indices where !masks[index].isEmpty {
            for (number, pattern) in patterns.enumerated() where masks[index].contains(firstBit[number]) {
                if let range = match(pattern, firstBit: firstBit[number], at: index, tokens: tokens, masks: masks) {
                    found.append((pattern.id, range))
                }
            }
        }
        return found
    }

    private func mask(of token: TextToken) -> RiskElementMask {
        guard token.isWord else { return RiskElementMask() }
        var mask = masksByWord[token.norm] ?? RiskElementMask()
        for entry in prefixes where token.norm.hasPrefix(entry.prefix) { mask.insert(entry.bit) }
        return mask
    }

    private func match(_ pattern: RiskPattern, firstBit: Int, at index: Int, tokens: [TextToken],
                       masks: [RiskElementMask]) -> Range<Int>? {
        var last = index
        for element in pattern.sequence.indices.dropFirst() {
            var next = last + 1
            var found: Int?
            while next < tokens.count, next - last - 1 <= pattern.maxGap, tokens[next].sentence == tokens[index].sentence {
                if masks[next].contains(firstBit + element) { found = next; break }
                next += 1
            }
            guard let hit = found else { return nil }
            last = hit
        }
        return index..<(last + 1)
    }
}
