import MentalizeCore

/// What a refused note change says to the therapist, in the page's language: one line, or for
/// an incomplete note a heading line and one line per gap.
enum NoteRefusalText {
    static func lines(_ refusal: NoteRefusal) -> [String] {
        if case .incomplete(let gaps) = refusal { return [PageText.text("note.refusal.incomplete")] + gaps.map(text) }
        return [text(refusal)]
    }

    static func text(_ refusal: NoteRefusal) -> String {
        switch refusal {
        case .bothPoles: PageText.text("note.refusal.bothPoles")
        case .riskSummaryMissing(let change): PageText.text(change == .increased ? "note.refusal.riskIncreased" : "note.refusal.riskDecreased")
        case .tooLong(let field, let limit):
            PageText.text("note.refusal.tooLong", ["field": PageText.text("note.field.\(field.rawValue)"), "limit": String(limit)])
        case .emptyName: PageText.text("note.refusal.emptyName")
        case .alreadySigned(_, let at): PageText.text("note.refusal.alreadySigned", ["when": DisplayTime.minute(at)])
        case .notSigned: PageText.text("note.refusal.notSigned")
        case .emptyAddendum: PageText.text("note.refusal.emptyAddendum")
        case .addendumBeforeSigning(let signedAt): PageText.text("note.refusal.addendumBeforeSigning", ["when": DisplayTime.minute(signedAt)])
        case .incomplete(let gaps): ([PageText.text("note.refusal.incomplete")] + gaps.map(text)).joined(separator: " ")
        }
    }

    static func text(_ gap: NoteGap) -> String {
        switch gap {
        case .intervention: PageText.text("note.gap.intervention")
        case .riskUpdate: PageText.text("note.gap.riskUpdate")
        case .plan: PageText.text("note.gap.plan")
        case .memberNotes(let missing): PageText.text("note.gap.memberNotes", ["who": missing.joined(separator: ", ")])
        case .notesOnNonMembers: PageText.text("note.gap.notesOnNonMembers")
        case .namesInsteadOfInitials(let words): PageText.text("note.gap.names", ["words": words.joined(separator: ", ")])
        }
    }
}

/// What a refused review step says to the clinician, in the page's language.
enum ReviewRefusalText {
    static func text(_ refusal: ReviewRefusal) -> String {
        switch refusal {
        case .modeDoesNotReview: PageText.text("review.refusal.modeDoesNotReview")
        case .reviewerIsAuthor: PageText.text("review.refusal.reviewerIsAuthor")
        case .notAwaitingReview(let status): PageText.text("review.refusal.notAwaiting", ["status": status.localizedName.lowercased()])
        case .notReturned(let status): PageText.text("review.refusal.notReturned", ["status": status.localizedName.lowercased()])
        case .notTheReviewer: PageText.text("review.refusal.notTheReviewer")
        case .notTheAuthor: PageText.text("review.refusal.notTheAuthor")
        case .emptyComment: PageText.text("review.refusal.emptyComment")
        case .commentTooLong(let limit): PageText.text("review.refusal.commentTooLong", ["limit": String(limit)])
        case .stepBeforePrevious: PageText.text("review.refusal.stepBeforePrevious")
        }
    }
}
