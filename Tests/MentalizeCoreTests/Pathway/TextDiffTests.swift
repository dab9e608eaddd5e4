import MentalizeCore
import Testing

@Suite struct TextDiffTests {
    /// The old text: every segment but the additions.
    static func old(_ segments: [DiffSegment]) -> String { segments.filter { $0.change != .added }.map(\.text).joined() }
    /// The new text: every segment but the removals.
    static func new(_ segments: [DiffSegment]) -> String { segments.filter { $0.change != .removed }.map(\.text).joined() }

    @Test func identicalTextsAreOneCommonSegment() {
        #expect(TextDiff.compare("a b\nc", "a b\nc") == [DiffSegment(.same, "a b\nc")])
        #expect(TextDiff.compare("", "").isEmpty)
    }

    @Test func anEmptySideIsAWholeAdditionOrRemoval() {
        #expect(TextDiff.compare("", "new words") == [DiffSegment(.added, "new words")])
        #expect(TextDiff.compare("old words", "") == [DiffSegment(.removed, "old words")])
    }

    @Test func anInsertedWordIsMarkedAlone() {
        // act
        let segments = TextDiff.compare("when a friend does not reply", "when a close friend does not reply")
        // verify
        #expect(segments == [DiffSegment(.same, "when a "), DiffSegment(.added, "close "), DiffSegment(.same, "friend does not reply")])
    }

    @Test func aReplacedPhraseIsOneRemovalThenOneAddition() {
        let segments = TextDiff.compare("fewer crises in the evening", "fewer crises and calmer weekends")
        #expect(segments == [DiffSegment(.same, "fewer crises "), DiffSegment(.removed, "in the evening"), DiffSegment(.added, "and calmer weekends")])
    }

    @Test func lineBreaksAreKeptAndAChangedLineShowsAsSuch() {
        let segments = TextDiff.compare("Notice feelings.\nFewer crises.", "Notice feelings.\nName them.\nFewer crises.")
        #expect(segments == [DiffSegment(.same, "Notice feelings.\n"), DiffSegment(.added, "Name them.\n"), DiffSegment(.same, "Fewer crises.")])
    }

    @Test func wordsWithAccentsAndEmojiAreCompared() {
        let segments = TextDiff.compare("café 🙂 ok", "café 🙁 ok")
        #expect(segments == [DiffSegment(.same, "café "), DiffSegment(.removed, "🙂"), DiffSegment(.added, "🙁"), DiffSegment(.same, " ok")])
    }

    @Test func overTheCellLimitTheMiddleIsAWholeReplacement() {
        let segments = TextDiff.compare("start a b c end", "start x y z end", cellLimit: 4)
        #expect(segments == [DiffSegment(.same, "start "), DiffSegment(.removed, "a b c"), DiffSegment(.added, "x y z"), DiffSegment(.same, " end")])
    }

    @Test func bothTextsCanBeRebuiltFromAnyDiff() {
        // setup: pseudo-random texts from a small vocabulary, so words repeat and move
        var generator = SplitMix(seed: 42)
        let words = ["I", "feel", "he", "hates", "me", "maybe", "tired", "\n", "  ", "."]
        for _ in 0..<300 {
            let a = (0..<Int(generator.next() % 25)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            let b = (0..<Int(generator.next() % 25)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            // act
            let segments = TextDiff.compare(a, b)
            // verify
            #expect(Self.old(segments) == a)
            #expect(Self.new(segments) == b)
            #expect(!segments.contains { $0.text.isEmpty })
            for (first, second) in zip(segments, segments.dropFirst()) {
                #expect(first.change != second.change, "neighbours are merged")
                #expect(!(first.change == .added && second.change == .removed), "a removal comes before its addition")
            }
        }
    }
}

/// A tiny deterministic generator for repeatable property tests (and seeded random draws).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
