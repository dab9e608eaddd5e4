import Foundation

/// How risk (self-harm, suicidality, harm to others) stands after the session.
public enum RiskChange: String, Hashable, Sendable, Codable, CaseIterable {
    case noConcerns
    case unchanged
    case increased
    case decreased

    /// Whether the therapist must say what changed.
    public var needsSummary: Bool { self == .increased || self == .decreased }
}

/// The note's risk update; an increase or decrease needs a summary.
public struct RiskUpdate: Hashable, Sendable, Codable {
    public static let summaryLimit = 2000

    public let change: RiskChange
    public let summary: String
    public let crisisPlanReviewed: Bool

    public init(change: RiskChange, summary: String = "", crisisPlanReviewed: Bool = false) throws(NoteRefusal) {
        let text = NoteText.clean(summary)
        guard !change.needsSummary || !text.isEmpty else { throw .riskSummaryMissing(change) }
        guard text.count <= Self.summaryLimit else { throw .tooLong(field: .riskSummary, limit: Self.summaryLimit) }
        self.change = change
        self.summary = text
        self.crisisPlanReviewed = crisisPlanReviewed
    }
}

/// Trimming and normalised line endings for note text.
enum NoteText {
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
