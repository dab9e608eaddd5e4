import Foundation
import MentalizeCore

/// A rater's scores (`adherence.<item>` and `quality.<item>`, one per item the scale rates that
/// way) and their written feedback for the therapist.
struct FidelityRatingForm {
    static let feedbackLimit = 2000

    var fields: [String: String]

    /// The scores as the core's rating, checked against the scale, with the feedback; or problems.
    func checked(scale: FidelityScale, rater: UUID, clip: UUID) -> Result<(FidelityRating, String), FidelityFormProblems> {
        var scores: [FidelityDimension: [String: Int]] = [:]
        var problems: [String] = []
        for dimension in FidelityDimension.allCases {
            for item in scale.items where dimension == .adherence ? item.adherence : item.quality {
                let text = fields["\(dimension.rawValue).\(item.id)"] ?? ""
                guard !text.isEmpty else { continue }
                guard let score = Int(text) else { problems.append(PageText.text("fidelity.error.point", ["item": item.label])); continue }
                scores[dimension, default: [:]][item.id] = score
            }
        }
        let feedback = (fields["feedback"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if feedback.count > Self.feedbackLimit { problems.append(PageText.text("fidelity.error.feedbackTooLong", ["limit": String(Self.feedbackLimit)])) }
        do {
            let rating = try FidelityRating(scale: scale, rater: rater.uuidString, material: clip.uuidString, scores: scores)
            guard problems.isEmpty else { return .failure(FidelityFormProblems(messages: problems)) }
            return .success((rating, feedback))
        } catch {
            return .failure(FidelityFormProblems(messages: problems + [FidelityRatingRefusalText.text(error, scale: scale)]))
        }
    }

    /// The scores as stored.
    static func json(_ rating: FidelityRating) throws -> String {
        let byKey = Dictionary(uniqueKeysWithValues: rating.scores.map { ($0.key.rawValue, $0.value) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(byKey), as: UTF8.self)
    }
}

/// What a refused rating says to the rater, in the page's language, naming each item by its label
/// (its id when the scale does not have it).
enum FidelityRatingRefusalText {
    static func text(_ error: FidelityRatingError, scale: FidelityScale) -> String {
        let label = { (item: String) in scale.items.first { $0.id == item }?.label ?? item }
        return switch error {
        case .missing(let item, let dimension):
            PageText.text("fidelity.error.missing", ["dimension": dimensionName(dimension), "item": label(item)])
        case .outOfRange(let item, let score):
            PageText.text("fidelity.error.outOfRange", ["score": String(score), "item": label(item)])
        case .unknownItem(let item):
            PageText.text("fidelity.error.unknownItem", ["item": item])
        case .notRated(let item, let dimension):
            PageText.text("fidelity.error.notRated", ["item": label(item), "dimension": dimensionName(dimension)])
        }
    }

    /// The dimension's name inside a sentence ("adherence", "quality").
    static func dimensionName(_ dimension: FidelityDimension) -> String {
        PageText.text("fidelity.dimensionInText.\(dimension.rawValue)")
    }
}
