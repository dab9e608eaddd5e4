/// A module file split into its front matter and its body blocks: the tiny Markdown reader.
/// Accepts only `## ` and `### ` headings, `- ` list items and plain paragraphs separated by blank
/// lines; everything else is reported as an issue naming the line.
struct ModuleDocument {
    /// Front-matter keys with their values and line numbers.
    var fields: [String: (value: String, line: Int)] = [:]
    var blocks: [PsychoeducationBlock] = []
    var issues: [(field: String, message: String)] = []

    static let knownKeys: Set<String> = ["id", "order", "title", "summary", "exercise", "reflection"]

    init(text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else {
            issues.append(("front matter", "the file must start with a '---' line and the front matter must end with one"))
            return
        }
        for number in 1..<close { readField(String(lines[number]), line: number + 1) }
        var reader = BodyReader()
        for number in (close + 1)..<lines.count {
            if let problem = reader.read(String(lines[number])) { issues.append(("body line \(number + 1)", problem)) }
        }
        blocks = reader.finish()
    }

    private mutating func readField(_ line: String, line number: Int) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        guard let colon = line.firstIndex(of: ":") else {
            issues.append(("front matter line \(number)", "expected 'key: value'"))
            return
        }
        let key = String(line[..<colon]).trimmingSpaces
        let value = String(line[line.index(after: colon)...]).trimmingSpaces
        if !Self.knownKeys.contains(key) {
            issues.append(("front matter line \(number)", "unknown key '\(key)'"))
        } else if fields[key] != nil {
            issues.append((key, "is given twice"))
        } else {
            fields[key] = (value, number)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
