public import Foundation

/// Why a note change was refused (the app words it for the therapist in the page's language).
public enum NoteRefusal: Error, Hashable, Sendable {
    case bothPoles
    case riskSummaryMissing(RiskChange)
    case tooLong(field: NoteField, limit: Int)
    case emptyName
    case alreadySigned(by: UserID, at: Date)
    case notSigned
    case emptyAddendum
    case addendumBeforeSigning(signedAt: Date)
    case incomplete([NoteGap])
}

/// A note's text with a length limit.
public enum NoteField: String, Hashable, Sendable {
    case sessionSummary, plan, riskSummary, memberNote, addendum, name
}

/// Something a note still needs before it can be signed.
public enum NoteGap: Hashable, Sendable {
    case intervention
    case riskUpdate
    case plan
    /// Members without their short note, by initials.
    case memberNotes(missing: [String])
    case notesOnNonMembers
    /// Names written where only initials belong.
    case namesInsteadOfInitials([String])
}
