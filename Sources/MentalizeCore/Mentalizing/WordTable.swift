/// A read-only table from words to values, built once and looked up with FNV-1a over the word's
/// UTF-8 bytes and linear probing. `Dictionary<String, _>` seeds and finalises SipHash on every
/// look-up, which cost about a quarter of the analysis time when done for every token.
struct WordTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var word: String
        var value: Value
    }

    private let slots: [Slot?]
    private let mask: Int

    init(_ entries: [String: Value]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Slot?](repeating: nil, count: capacity)
        for (word, value) in entries {
            var index = Self.hash(word) & (capacity - 1)
            while slots[index] != nil { index = (index + 1) & (capacity - 1) }
            slots[index] = Slot(word: word, value: value)
        }
        self.slots = slots
        mask = capacity - 1
    }

    subscript(word: String) -> Value? {
        var index = Self.hash(word) & mask
        while let slot = slots[index] {
            if slot.word == word { return slot.value }
            index = (index + 1) & mask
        }
        return nil
    }

    private static func hash(_ word: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
