/// One problem in a module file: which file, which field (`title`, `body line 12` ...), what is wrong.
public struct PsychoeducationIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let field: String
    public let message: String

    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String { "\(file): \(field): \(message)" }
}

/// Why the psychoeducation modules could not be loaded: every problem found, one per line.
public struct PsychoeducationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [PsychoeducationIssue]

    public var description: String {
        "Invalid psychoeducation modules:\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
