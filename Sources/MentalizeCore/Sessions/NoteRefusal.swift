public import Foundation

/// Why a note change was refused, in words for the therapist.
public enum NoteRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case bothPoles
    case riskSummaryMissing(RiskChange)
    case tooLong(field: String, limit: Int)
    case emptyName
    case alreadySigned(by: UserID, at: Date)
    case notSigned
    case emptyAddendum
    case addendumBeforeSigning(signedAt: Date)
    case incomplete([String])

    public var description: String {
        switch self {
        case .bothPoles: "An imbalance names one pole per dimension, not both."
        case .riskSummaryMissing(let change): "Say briefly how risk has \(change == .increased ? "increased" : "decreased")."
        case .tooLong(let field, let limit): "The \(field) is longer than \(limit) characters."
        case .emptyName: "A name needs a given name or a family name."
        case .alreadySigned(_, let at):
            "This note was signed on \(Self.stamp(at)) and can no longer be changed. Add an addendum instead."
        case .notSigned: "The note is still a draft: edit it directly; addenda are for signed notes."
        case .emptyAddendum: "An addendum cannot be empty."
        case .addendumBeforeSigning(let signedAt): "An addendum cannot be dated before the note was signed (\(Self.stamp(signedAt)))."
        case .incomplete(let problems): "The note cannot be signed yet: " + problems.joined(separator: " ")
        }
    }

    /// UTC, e.g. "2024-03-05 14:20 UTC"; pages show the clinic's zone.
    private static func stamp(_ date: Date) -> String {
        let utc = try? ClinicZone("UTC")
        guard let utc else { return "\(date)" }
        return "\(utc.localDate(of: date)) \(utc.localTime(of: date)) UTC"
    }
}
