/// Checks one parsed module file and builds the module when it is valid.
enum ModuleValidator {
    static let wordRange = 300...600
    static let maximumTitle = 80
    static let maximumSummary = 200
    static let maximumExercise = 400

    /// The module, or the issues that stop it from loading. `file` is the file name (`<id>.md`).
    static func module(from document: ModuleDocument, file: String) -> Result<PsychoeducationModule, PsychoeducationError> {
        var issues = document.issues.map { PsychoeducationIssue(file: file, field: $0.field, message: $0.message) }
        func issue(_ field: String, _ message: String) {
            issues.append(PsychoeducationIssue(file: file, field: field, message: message))
        }
        func text(_ key: String, required: Bool = true, limit: Int) -> String? {
            guard let value = document.fields[key]?.value else {
                if required { issue(key, "is missing") }
                return nil
            }
            if let problem = BodyReader.problem(in: value) {
                issue(key, problem)
            } else if value.count > limit {
                issue(key, "is \(value.count) characters long; the limit is \(limit)")
            }
            return value
        }

        let id = text("id", limit: 60) ?? ""
        if !id.isEmpty, !isKebabCase(id) { issue("id", "'\(id)' must be lower-case words joined by hyphens") }
        if !id.isEmpty, file != "\(id).md" { issue("id", "'\(id)' does not match the file name") }
        let orderText = text("order", limit: 4)
        let order = orderText.flatMap { Int($0) } ?? 0
        if orderText != nil, order < 1 { issue("order", "must be a whole number from 1") }
        let title = text("title", limit: maximumTitle) ?? ""
        let summary = text("summary", limit: maximumSummary) ?? ""
        if !summary.isEmpty, !isOneSentence(summary) { issue("summary", "must be one sentence ending with a full stop") }
        let prompt = text("exercise", limit: maximumExercise) ?? ""
        let reflection = text("reflection", required: false, limit: maximumExercise)

        let words = document.blocks.reduce(0) { $0 + wordCount($1.text) + $1.items.reduce(0) { $0 + wordCount($1) } }
        if !wordRange.contains(words) {
            issue("body", "has \(words) words; a module needs \(wordRange.lowerBound) to \(wordRange.upperBound)")
        }
        if !document.blocks.contains(where: { $0.kind == .paragraph }) { issue("body", "has no paragraphs") }

        guard issues.isEmpty else { return .failure(PsychoeducationError(issues: issues)) }
        return .success(PsychoeducationModule(
            id: id, order: order, title: title, summary: summary, blocks: document.blocks,
            exercise: PsychoeducationExercise(prompt: prompt, reflection: reflection), wordCount: words))
    }

    static func wordCount(_ text: String) -> Int {
        text.split { $0.isWhitespace }.filter { $0.contains(where: \.isLetter) || $0.contains(where: \.isNumber) }.count
    }

    private static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }

    /// Ends with a full stop and has no other sentence end (". ", "? ", "! ") inside.
    private static func isOneSentence(_ text: String) -> Bool {
        text.hasSuffix(".") && ![". ", "? ", "! "].contains { text.dropLast().contains($0) }
    }
}
