/// One problem found in an instrument definition file: which file, which field, what is wrong.
public struct DefinitionIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// Field path inside the file, for example `items[3].enableWhen[0].question`.
    public let path: String
    public let message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        "\(file): \(path.isEmpty ? "(root)" : path): \(message)"
    }
}
