/// Reads a module body line by line into blocks, refusing any markup beyond the safe subset.
struct BodyReader {
    /// Characters that would be markup or HTML; module text is plain words and punctuation.
    static let forbidden: Set<Character> = ["<", ">", "&", "`", "*", "_", "[", "]", "{", "}", "\\", "|", "#"]

    private var blocks: [PsychoeducationBlock] = []
    private var paragraph: [String] = []
    private var items: [String] = []
    private var sawHeading2 = false

    /// Takes one line; returns a problem to report, or nil.
    mutating func read(_ line: String) -> String? {
        if line.allSatisfy(\.isWhitespace) {
            flush()
            return nil
        }
        if line.first?.isWhitespace == true { return "indented lines are not supported" }
        if line.hasPrefix("## ") || line.hasPrefix("### ") {
            flush()
            let level2 = line.hasPrefix("## ")
            let text = String(line.dropFirst(level2 ? 3 : 4)).trimmingSpaces
            if let problem = Self.problem(in: text) { return problem }
            if !level2, !sawHeading2 { return "a level-3 heading needs a level-2 heading before it" }
            sawHeading2 = sawHeading2 || level2
            blocks.append(PsychoeducationBlock(kind: level2 ? .heading2 : .heading3, text: text))
            return nil
        }
        if line.hasPrefix("#") { return "only '## ' and '### ' headings are supported" }
        if line.hasPrefix("- ") {
            flushParagraph()
            let text = String(line.dropFirst(2)).trimmingSpaces
            if let problem = Self.problem(in: text) { return problem }
            items.append(text)
            return nil
        }
        if line.hasPrefix("+ ") || Self.isNumberedItem(line) {
            return "only '- ' bullet lists are supported"
        }
        flushList()
        if let problem = Self.problem(in: line) { return problem }
        paragraph.append(line.trimmingSpaces)
        return nil
    }

    mutating func finish() -> [PsychoeducationBlock] {
        flush()
        return blocks
    }

    /// Why `text` cannot be used as module text, or nil.
    static func problem(in text: String) -> String? {
        if text.isEmpty { return "is empty" }
        if let bad = text.first(where: forbidden.contains) { return "'\(bad)' is not allowed: module text is plain, without markup" }
        return nil
    }

    private static func isNumberedItem(_ line: String) -> Bool {
        let digits = line.prefix(while: \.isNumber)
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    private mutating func flush() {
        flushParagraph()
        flushList()
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        blocks.append(PsychoeducationBlock(kind: .paragraph, text: paragraph.joined(separator: " ")))
        paragraph = []
    }

    private mutating func flushList() {
        guard !items.isEmpty else { return }
        blocks.append(PsychoeducationBlock(kind: .bulletList, items: items))
        items = []
    }
}
