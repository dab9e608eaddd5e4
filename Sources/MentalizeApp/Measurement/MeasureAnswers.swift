import Foundation
import MentalizeCore

/// Answers and scores as stored in a response row (JSON text, keyed by linkId).
enum MeasureAnswers {
    static func decode(_ json: String) -> [String: ItemAnswer] {
        (try? JSONDecoder().decode([String: ItemAnswer].self, from: Data(json.utf8))) ?? [:]
    }

    static func encode(_ answers: [String: ItemAnswer]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(answers)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    static func score(_ json: String?) -> ScoreResult? {
        json.flatMap { try? JSONDecoder().decode(ScoreResult.self, from: Data($0.utf8)) }
    }

    static func encode(_ score: ScoreResult) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(score)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
