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
        // The current word as lower-cased UTF-8 (ASCII folded here, other scripts by `lowercased()`).
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordStart = 0
        var wordHasLower = false
        var wordHasUpper = false
        var wordIsASCII = true
        var wordHasApostrophe = false
        var firstIsUpper = false
        var letters = 0
        var offset = 0
        var sentence = 0
        var quoted = false

        func flushWord(at end: Int) {
            guard !word.isEmpty else { return }
            let raw = String(decoding: word, as: UTF8.self)
            let shouted = !wordHasLower && wordHasUpper && letters > 1
            let before = tokens.count
            // Only words ending in "nt" can be a negation written without its apostrophe ("didnt").
            let count = word.count
            let endsInNT = count >= 4 && word[count - 2] == UInt8(ascii: "n") && word[count - 1] == UInt8(ascii: "t")
            appendWord(wordIsASCII ? raw : raw.lowercased(), start: wordStart, end: end, shouted: shouted,
                       apostrophe: wordHasApostrophe, endsInNT: endsInNT)
            if firstIsUpper, before < tokens.count { tokens[before].capitalised = true }
            word.removeAll(keepingCapacity: true)
            wordHasLower = false
            wordHasUpper = false
            wordIsASCII = true
            wordHasApostrophe = false
            letters = 0
        }
        func appendWord(_ lower: String, start: Int, end: Int, shouted: Bool, apostrophe: Bool, endsInNT: Bool) {
            var base = lower
            var negated = false
            if apostrophe, lower.hasSuffix("n't"), lower.count > 3 {
                base = String(lower.dropLast(3))
                base = contractionBases[base] ?? base
                negated = true
            } else if endsInNT, let bare = bareNegations[lower] {
                base = bare
                negated = true
            } else if lower == "n't" {
                base = "not"
            } else if apostrophe, let apostrophe = lower.firstIndex(of: "'"), apostrophe != lower.startIndex {
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

        for original in text.unicodeScalars {
            let width = original.utf16.count
            let scalar = original.value < 128 ? original : folded(original)
            let value = scalar.value
            // ASCII fast path; Unicode properties only for other scripts.
            let isASCIILetter = (value >= 97 && value <= 122) || (value >= 65 && value <= 90)
            let isWordScalar = isASCIILetter || (value >= 48 && value <= 57)
                || (value >= 128 && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
            if isWordScalar {
                if word.isEmpty {
                    wordStart = offset
                    firstIsUpper = (value >= 65 && value <= 90) || (value >= 128 && scalar.properties.isUppercase)
                }
                letters += 1
                if value < 128 {
                    if value >= 65 && value <= 90 {
                        wordHasUpper = true
                        word.append(UInt8(value + 32))
                    } else {
                        if value >= 97 { wordHasLower = true }
                        word.append(UInt8(value))
                    }
                } else {
                    wordIsASCII = false
                    // Scripts without capitals (Hebrew, Arabic, Chinese…) are neither.
                    if scalar.properties.isLowercase { wordHasLower = true } else if scalar.properties.isUppercase { wordHasUpper = true }
                    word.append(contentsOf: String(scalar).utf8)
                }
            } else if scalar == "'" && !word.isEmpty {
                word.append(UInt8(ascii: "'"))
                wordHasApostrophe = true
            } else if scalar == "-" && !word.isEmpty {
                word.append(UInt8(ascii: "-"))
            } else {
                flushWord(at: offset)
                switch scalar {
                case "\"", "\u{201C}", "\u{201D}":
                    if scalar == "\u{201C}" { quoted = true } else if scalar == "\u{201D}" { quoted = false } else { quoted.toggle() }
                    tokens.append(TextToken(norm: "\"", start: offset, end: offset + width, isWord: false,
                                            sentence: sentence, quoted: quoted, shouted: false))
                case ".", "!", "?", ",", ";", ":", "(", ")", "%":
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

    /// Curly and modifier-letter apostrophes read as `'`, Unicode hyphens as `-`.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC: return "'"
        case 0x2010, 0x2011: return "-"
        default: return scalar
        }
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
