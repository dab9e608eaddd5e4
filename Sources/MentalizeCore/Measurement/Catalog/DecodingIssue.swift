/// Turns a `DecodingError` into a `DefinitionIssue` with a readable field path.
enum DecodingIssue {
    static func describe(_ error: any Error, file: String) -> DefinitionIssue {
        guard let decodingError = error as? DecodingError else {
            return DefinitionIssue(file: file, path: "", message: "cannot be decoded: \(error)")
        }
        switch decodingError {
        case let .keyNotFound(key, context):
            return DefinitionIssue(file: file, path: path(context.codingPath + [key]), message: "is missing")
        case let .typeMismatch(type, context):
            return DefinitionIssue(file: file, path: path(context.codingPath), message: "expected \(type): \(context.debugDescription)")
        case let .valueNotFound(type, context):
            return DefinitionIssue(file: file, path: path(context.codingPath), message: "expected \(type) but found null")
        case let .dataCorrupted(context):
            return DefinitionIssue(file: file, path: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return DefinitionIssue(file: file, path: "", message: "cannot be decoded: \(decodingError)")
        }
    }

    /// `items[3].enableWhen[0].question` style path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }
}
