import Foundation

/// Processes JSON lines `{"id": …, "text": …}` into one JSON output line each, for `mentalize analyze`.
/// A bad line gives an error object and processing goes on.
public struct AnalysisStream: Sendable {
    private let analyzer: MentalizingAnalyzer
    private let picker = ReflectionPromptPicker()
    private let encoder: JSONEncoder

    public init(analyzer: MentalizingAnalyzer) {
        self.analyzer = analyzer
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// A readable report for one input line: a JSON line as above, or plain text.
    public func explain(line: String) -> String {
        let text: String
        if case let .success(input) = AnalysisStreamInput.parse(line) { text = input.text } else { text = line }
        let analysis = analyzer.analyze(text)
        return ExplainReport.render(text: text, analysis: analysis, prompts: picker.pick(for: analysis, limit: 2))
    }

    /// One output line (without the newline) for one input line.
    public func process(line: String, lineNumber: Int) -> String {
        let output: AnalysisStreamOutput
        switch AnalysisStreamInput.parse(line) {
        case let .failure(message):
            output = AnalysisStreamOutput(id: nil, line: lineNumber, error: message, analysis: nil, prompts: nil)
        case let .success(input):
            let analysis = analyzer.analyze(input.text)
            output = AnalysisStreamOutput(id: input.id, line: lineNumber, error: nil, analysis: analysis,
                                          prompts: picker.pick(for: analysis, limit: 2))
        }
        guard let data = try? encoder.encode(output), let text = String(data: data, encoding: .utf8) else {
            return #"{"error":"could not encode the result","line":\#(lineNumber)}"#
        }
        return text
    }
}

/// The `id` of an input line, a string or a number, echoed back unchanged.
public enum AnalysisStreamID: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) { self = .string(text); return }
        self = .number(try container.decode(Double.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .number(value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        }
    }
}

struct AnalysisStreamInput: Decodable {
    var id: AnalysisStreamID?
    var text: String

    enum ParseResult { case success(AnalysisStreamInput), failure(String) }

    static func parse(_ line: String) -> ParseResult {
        do {
            return .success(try JSONDecoder().decode(AnalysisStreamInput.self, from: Data(line.utf8)))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure("missing field \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context) {
            return .failure("wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): expected a string text and a string or number id")
        } catch {
            return .failure("not a JSON object with \"id\" and \"text\"")
        }
    }
}

/// One output line: the echoed id, then either the analysis and prompts or an error message.
struct AnalysisStreamOutput: Encodable {
    var id: AnalysisStreamID?
    var line: Int
    var error: String?
    var analysis: MentalizingAnalysis?
    var prompts: [ReflectionPromptChoice]?
}
