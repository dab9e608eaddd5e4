/// The compiled pattern list: every element gets a bit; each word maps to the elements it satisfies.
struct RiskMatcher: Sendable {
    private let patterns: [RiskPattern]
    /// Bit of the first element of each pattern; element k of pattern p has bit `firstBit[p] + k`.
    private let firstBit: [Int]
    /// For each bit, the pattern whose first element it is (nil for later elements).
    private let patternStartingAt: [Int?]
    /// Index into `wordSets` of each listed word's element set (an Int, so a look-up copies nothing).
    private let setsByWord: WordTable<Int>
    private let wordSets: [RiskElementSet]
    /// The first four UTF-8 bytes of the prefix elements, sorted, and the prefixes with each head,
    /// so a token is tested only against the prefixes that share its first four bytes.
    private let prefixHeads: [UInt32]
    private let prefixesByHead: [[(prefix: String, bit: Int)]]
    /// Prefixes shorter than four bytes, tested against every token.
    private let shortPrefixes: [(prefix: String, bit: Int)]
    /// Elements written `#`: any token starting with a digit.
    private let numberElements: RiskElementSet

    init(patterns: [RiskPattern]) {
        var bit = 0
        var firstBits: [Int] = []
        var starts: [Int?] = []
        var sets: [String: RiskElementSet] = [:]
        var prefixList: [(prefix: String, bit: Int)] = []
        var numbers = RiskElementSet()
        for (number, pattern) in patterns.enumerated() {
            firstBits.append(bit)
            for (position, alternatives) in pattern.sequence.enumerated() {
                starts.append(position == 0 ? number : nil)
                for word in alternatives {
                    if word == "#" {
                        numbers.insert(bit)
                    } else if word.count > 1, word.hasSuffix("*") {
                        prefixList.append((String(word.dropLast()), bit))
                    } else {
                        sets[word, default: RiskElementSet()].insert(bit)
                    }
                }
                bit += 1
            }
        }
        self.patterns = patterns
        firstBit = firstBits
        patternStartingAt = starts
        var positions: [String: Int] = [:]
        var list: [RiskElementSet] = []
        for (word, set) in sets {
            positions[word] = list.count
            list.append(set)
        }
        setsByWord = WordTable(positions)
        wordSets = list
        var byHead: [UInt32: [(prefix: String, bit: Int)]] = [:]
        for entry in prefixList {
            if let head = Self.head(entry.prefix) { byHead[head, default: []].append(entry) }
        }
        prefixHeads = byHead.keys.sorted()
        prefixesByHead = prefixHeads.map { byHead[$0] ?? [] }
        shortPrefixes = prefixList.filter { Self.head($0.prefix) == nil }
        numberElements = numbers
    }

    /// Every pattern occurrence as (pattern id, token range).
    func matches(in tokens: [TextToken]) -> [(id: String, range: Range<Int>)] {
        let sets = tokens.map(elements(of:))
        var found: [(id: String, range: Range<Int>)] = []
        for index in tokens.indices where !sets[index].isEmpty {
            sets[index].forEach { bit in
                guard bit < patternStartingAt.count, let number = patternStartingAt[bit],
                      let range = match(patterns[number], firstBit: firstBit[number], at: index, tokens: tokens, sets: sets)
                else { return }
                found.append((patterns[number].id, range))
            }
        }
        return found
    }

    private func elements(of token: TextToken) -> RiskElementSet {
        guard token.isWord else { return RiskElementSet() }
        var set = setsByWord[token.norm].map { wordSets[$0] } ?? RiskElementSet()
        if let head = Self.head(token.norm), let position = headPosition(head) {
            for entry in prefixesByHead[position] where token.norm.hasPrefix(entry.prefix) { set.insert(entry.bit) }
        }
        for entry in shortPrefixes where token.norm.hasPrefix(entry.prefix) { set.insert(entry.bit) }
        if token.startsWithDigit { set.formUnion(numberElements) }
        return set
    }

    /// Binary search for `head` in the sorted prefix heads.
    private func headPosition(_ head: UInt32) -> Int? {
        var low = 0
        var high = prefixHeads.count
        while low < high {
            let middle = (low + high) / 2
            if prefixHeads[middle] < head { low = middle + 1 } else { high = middle }
        }
        return low < prefixHeads.count && prefixHeads[low] == head ? low : nil
    }

    /// The first four UTF-8 bytes as one number; nil for shorter words.
    private static func head(_ word: String) -> UInt32? {
        var value: UInt32 = 0
        var count = 0
        for byte in word.utf8.prefix(4) {
            value = value << 8 | UInt32(byte)
            count += 1
        }
        return count == 4 ? value : nil
    }

    private func match(_ pattern: RiskPattern, firstBit: Int, at index: Int, tokens: [TextToken],
                       sets: [RiskElementSet]) -> Range<Int>? {
        var last = index
        for element in pattern.sequence.indices.dropFirst() {
            var next = last + 1
            var found: Int?
            while next < tokens.count, next - last - 1 <= pattern.maxGap, tokens[next].sentence == tokens[index].sentence {
                if sets[next].contains(firstBit + element) { found = next; break }
                next += 1
            }
            guard let hit = found else { return nil }
            last = hit
        }
        return index..<(last + 1)
    }
}
