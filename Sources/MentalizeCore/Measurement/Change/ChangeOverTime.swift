public import Foundation

/// The latest score read two ways, each naming what it compares: against the first
/// administration (the course of treatment so far) and against the one before it (what just
/// happened). A reliable improvement since intake can hide a recent rise back to the cut-off;
/// ``needsAttention`` says when the recent change should be looked at.
public struct ChangeOverTime: Sendable, Equatable {
    /// One comparison: the earlier administration's date, and the change to the latest.
    public struct Comparison: Sendable, Equatable {
        public let since: Date
        public let assessment: ChangeAssessment
    }

    /// One dated score of the instrument.
    public struct Administration: Sendable {
        public let date: Date
        public let score: ScoreResult

        public init(date: Date, score: ScoreResult) {
            self.date = date
            self.score = score
        }
    }

    /// First administration → latest; nil with fewer than two.
    public let sinceFirst: Comparison?
    /// The one before the latest → latest; nil with fewer than three (then it is `sinceFirst`).
    public let sinceLast: Comparison?
    /// The scale's clinical cut-off, when it has one.
    public let cutOff: Double?
    /// The latest score is a case and the one before it was not.
    public let returnedToCaseness: Bool

    /// A reliable deterioration since the previous administration, or since the first one, or a
    /// return to the clinical range since the previous one.
    public var needsAttention: Bool {
        returnedToCaseness || sinceLast?.assessment.outcome == .deteriorated || sinceFirst?.assessment.outcome == .deteriorated
    }

    /// Reads `administrations` (any order; sorted by date here) on one scale (the primary when nil).
    public static func of(_ definition: InstrumentDefinition, scaleId: String? = nil, _ administrations: [Administration]) throws -> ChangeOverTime {
        let ordered = administrations.sorted { $0.date < $1.date }
        guard ordered.count >= 2, let first = ordered.first, let latest = ordered.last else {
            return ChangeOverTime(sinceFirst: nil, sinceLast: nil, cutOff: Self.cutOff(definition, scaleId), returnedToCaseness: false)
        }
        let previous = ordered[ordered.count - 2]
        let sinceFirst = Comparison(since: first.date, assessment: try ReliableChange.compare(definition, scaleId: scaleId, from: first.score, to: latest.score))
        let sinceLast = ordered.count >= 3
            ? Comparison(since: previous.date, assessment: try ReliableChange.compare(definition, scaleId: scaleId, from: previous.score, to: latest.score))
            : nil
        let id = scaleId ?? definition.scoring?.primaryScale ?? ""
        let returned = latest.score.scale(id)?.isCase == true && previous.score.scale(id)?.isCase == false
        return ChangeOverTime(sinceFirst: sinceFirst, sinceLast: sinceLast, cutOff: Self.cutOff(definition, scaleId), returnedToCaseness: returned)
    }

    private static func cutOff(_ definition: InstrumentDefinition, _ scaleId: String?) -> Double? {
        guard let id = scaleId ?? definition.scoring?.primaryScale else { return nil }
        return definition.scale(id: id)?.caseness?.threshold
    }
}
