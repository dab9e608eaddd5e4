// Analyzer benchmark: texts per second per core, p50/p99 latency, peak RSS, and the ratio against a
// plain word-count pass over the same texts. Run a release build: see Benchmarks/README.md.
import Foundation
import MentalizeCore

/// Deterministic pseudo-random numbers (SplitMix64), so every run analyses the same texts.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let sentences = [
    "This morning my partner left for work without saying goodbye.",
    "I felt hurt and a bit scared, and I wondered whether she was worried about something.",
    "He didn't call back so obviously he doesn't care about me.",
    "Looking back, I think I went quiet too, and she might have seen that as me not caring.",
    "We had dinner at my mum's house and she asked about my job.",
    "Part of me was angry, and part of me was relieved that it was over.",
    "My boss is always like this, he never listens to anyone.",
    "I guess it is all connected to my attachment style on some level.",
    "At the time I felt stupid, but now I can see I was just tired.",
    "You know, I mean, it was a long day at the office.",
    "I wonder why I reacted so strongly when she laughed.",
    "Sam texted three times and I didn't reply because I was upset.",
    "If he really loved me he would have come to the party.",
    "Maybe she was embarrassed, or maybe she didn't notice me at all.",
]

func makeTexts(count: Int, wordsPerText: Int) -> [String] {
    var generator = SeededGenerator(state: 20_261_121)
    return (0..<count).map { _ in
        var words = 0
        var parts: [String] = []
        while words < wordsPerText {
            let sentence = sentences[Int(generator.next() % UInt64(sentences.count))]
            parts.append(sentence)
            words += sentence.split(separator: " ").count
        }
        return parts.joined(separator: " ")
    }
}

func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
        let isSpace = byte == 32 || byte == 10 || byte == 9
        if !isSpace && !inWord { count += 1 }
        inWord = !isSpace
    }
    return count
}

func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return kilobytes / 1024
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let texts = makeTexts(count: 10_000, wordsPerText: 100)
let analyzer = MentalizingAnalyzer()
let clock = ContinuousClock()
_ = analyzer.analyze(texts[0])  // load lexicons and weights before timing

var baselineTotal = 0
let baseline = clock.measure { for text in texts { baselineTotal += wordCount(text) } }

var latencies: [Double] = []
latencies.reserveCapacity(texts.count)
var checksum = 0
let total = clock.measure {
    for text in texts {
        let start = clock.now
        checksum &+= analyzer.analyze(text).mentalStates.count
        latencies.append(seconds(clock.now - start))
    }
}
latencies.sort()
let perSecond = Double(texts.count) / seconds(total)
let averageWords = Double(baselineTotal) / Double(texts.count)
print("texts: \(texts.count), average words: \(String(format: "%.1f", averageWords)), checksum: \(checksum)")
print("analysis: \(String(format: "%.0f", perSecond)) texts/s on one core")
print("latency p50: \(String(format: "%.1f", latencies[latencies.count / 2] * 1e6)) µs, p99: \(String(format: "%.1f", latencies[latencies.count * 99 / 100] * 1e6)) µs")
print("baseline word count: \(String(format: "%.0f", Double(texts.count) / seconds(baseline))) texts/s; analysis takes \(String(format: "%.0f", seconds(total) / seconds(baseline)))x the baseline time")
if let peak = peakResidentMegabytes() { print("peak RSS: \(String(format: "%.1f", peak)) MB") }
