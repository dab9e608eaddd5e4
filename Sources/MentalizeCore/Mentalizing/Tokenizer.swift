/// Splits text into word and punctuation tokens in a single pass over its Unicode scalars.
enum Tokenizer {
    private static let contractionBases: [String: String] = [
        "ca": "can", "wo": "will", "sha": "shall", "ai": "is",
    ]
    /// Common spellings without an apostrophe that carry a negation.
    private static let bareNegations: [String: String] = [
        "dont": "do", "didnt": "did", "doesnt": "does", "cant": "can", "wont": "will",
        "isnt": "is", "wasnt": "was", "arent": "are", "werent": "were", "couldnt": "could",
        "wouldnt": "would", "shouldnt": "should", "havent": "have", "hasnt": "has", "hadnt": "had",
    ]

    static func tokenize(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(64)
        var word = String.UnicodeScalarView()
        var wordStart = 0
        var wordHasLower = false
        var offset = 0
        var sentence = 0
        var quoted = false

        func flushWord(at end: Int) {
            guard !word.isEmpty else { return }
            let raw = String(word)
            let shouted = !wordHasLower && word.count > 1
            let capitalised = word.first?.properties.isUppercase ?? false
            let before = tokens.count
            appendWord(raw.lowercased(), start: wordStart, end: end, shouted: shouted)
            if capitalised, before < tokens.count { tokens[before].capitalised = true }
            word.removeAll(keepingCapacity: true)
            wordHasLower = false
        }
        func appendWord(_ lower: String, start: Int, end: Int, shouted: Bool) {
            var base = lower
            var negated = false
            if lower.hasSuffix("n't"), lower.count > 3 {
                base = String(lower.dropLast(3))
                base = contractionBases[base] ?? base
                negated = true
            } else if let bare = bareNegations[lower] {
                base = bare
                negated = true
            } else if lower == "n't" {
                base = "not"
            } else if let apostrophe = lower.firstIndex(of: "'"), apostrophe != lower.startIndex {
                let head = String(lower[..<apostrophe])
                let tail = String(lower[apostrophe...])
                tokens.append(TextToken(norm: head, start: start, end: end, isWord: true,
                                        sentence: sentence, quoted: quoted, shouted: shouted))
                base = expandClitic(tail)
            }
            tokens.append(TextToken(norm: base, start: start, end: end, isWord: true,
                                    sentence: sentence, quoted: quoted, shouted: shouted))
            if negated {
                tokens.append(TextToken(norm: "not", start: start, end: end, isWord: true,
                                        sentence: sentence, quoted: quoted, shouted: false))
            }
        }

        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil {
                if word.isEmpty { wordStart = offset }
                if props.isLowercase { wordHasLower = true }
                word.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty {
                word.append("'")
            } else if (scalar == "-") && !word.isEmpty {
                word.append("-")
            } else {
                flushWord(at: offset)
                switch scalar {
                case "\"", "\u{201C}", "\u{201D}":
                    if scalar == "\u{201C}" { quoted = true } else if scalar == "\u{201D}" { quoted = false } else { quoted.toggle() }
                    tokens.append(TextToken(norm: "\"", start: offset, end: offset + width, isWord: false,
                                            sentence: sentence, quoted: quoted, shouted: false))
                case ".", "!", "?", ",", ";", ":", "(", ")":
                    tokens.append(TextToken(norm: String(scalar), start: offset, end: offset + width,
                                            isWord: false, sentence: sentence, quoted: quoted, shouted: false))
                    if scalar == "." || scalar == "!" || scalar == "?" { sentence += 1 }
                case "\n":
                    sentence += 1
                    quoted = false
                default:
                    break
                }
            }
            offset += width
        }
        flushWord(at: offset)
        return tokens
    }

    private static func expandClitic(_ clitic: String) -> String {
        switch clitic {
        case "'m": return "am"
        case "'re": return "are"
        case "'ve": return "have"
        case "'ll": return "will"
        case "'d": return "would"
        default: return clitic
        }
    }
}
