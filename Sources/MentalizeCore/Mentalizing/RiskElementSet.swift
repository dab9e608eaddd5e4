/// A set of pattern elements, one bit each, so a token is tested against an element with one bit
/// operation after a single look-up of its word. Grows with the pattern list; sets stored per word
/// are shared, so a look-up copies nothing.
struct RiskElementSet: Sendable, Equatable {
    private var words: [UInt64] = []

    var isEmpty: Bool { words.isEmpty }

    mutating func insert(_ bit: Int) {
        let index = bit >> 6
        if words.count <= index { words.append(contentsOf: repeatElement(0, count: index + 1 - words.count)) }
        words[index] |= UInt64(1) << UInt64(bit & 63)
    }

    mutating func formUnion(_ other: RiskElementSet) {
        for (index, word) in other.words.enumerated() where word != 0 {
            if words.count <= index { words.append(contentsOf: repeatElement(0, count: index + 1 - words.count)) }
            words[index] |= word
        }
    }

    func contains(_ bit: Int) -> Bool {
        let index = bit >> 6
        return index < words.count && words[index] & (UInt64(1) << UInt64(bit & 63)) != 0
    }

    /// Calls `body` with every member, smallest first.
    func forEach(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                body(index << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }
}
