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
                guard let score = Int(text) else { problems.append("\(item.label): choose a point of the scale."); continue }
                scores[dimension, default: [:]][item.id] = score
            }
        }
        let feedback = (fields["feedback"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if feedback.count > Self.feedbackLimit { problems.append("The feedback is longer than \(Self.feedbackLimit) characters.") }
        do {
            let rating = try FidelityRating(scale: scale, rater: rater.uuidString, material: clip.uuidString, scores: scores)
            guard problems.isEmpty else { return .failure(FidelityFormProblems(messages: problems)) }
            return .success((rating, feedback))
        } catch {
            let label = Self.itemLabel(error, scale: scale)
            return .failure(FidelityFormProblems(messages: problems + [label]))
        }
    }

    /// The core's refusal with the item's label in place of its id.
    private static func itemLabel(_ error: FidelityRatingError, scale: FidelityScale) -> String {
        switch error {
        case .missing(let item, let dimension):
            "Give a \(dimension.rawValue) score for “\(scale.items.first { $0.id == item }?.label ?? item)”."
        default: error.description
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
