import Foundation
import MentalizeCore
import Testing

@Suite struct NoteReviewTests {
    let therapist = UserID(UUID())
    let supervisor = UserID(UUID())
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    func review(_ mode: SupervisionMode) throws -> NoteReview {
        try NoteReview(note: NoteID(UUID()), author: therapist, reviewer: supervisor, mode: mode, submittedAt: start)
    }

    @Test func coSignReturnReviseResubmitCounterSignKeepsEveryStep() throws {
        var review = try review(.coSign)
        #expect(review.status == .awaitingReview)
        #expect(review.awaitingSince == start)
        #expect(review.isInRecord)
        try review.returnForRevision(comment: "  Say what the patient felt before the argument. \r\n", by: supervisor, at: at(60))
        #expect(review.status == .returned)
        #expect(!review.isInRecord)
        #expect(review.awaitingSince == nil)
        #expect(review.steps.last?.comment == "Say what the patient felt before the argument.")
        try review.resubmit(by: therapist, at: at(120))
        #expect(review.version == 2)
        #expect(review.awaitingSince == at(120))
        try review.complete(by: supervisor, at: at(180))
        #expect(review.status == .counterSigned)
        #expect(review.isInRecord)
        #expect(review.steps.map(\.action) == [.submitted, .returned, .submitted, .counterSigned])
        #expect(review.steps.map(\.version) == [1, 1, 2, 2])
    }

    @Test func anApprovedNoteEntersTheRecordOnlyOnApproval() throws {
        var review = try review(.approve)
        #expect(!review.isInRecord)
        try review.complete(by: supervisor, at: at(5))
        #expect(review.status == .approved)
        #expect(review.isInRecord)
        #expect(review.steps.last?.action == .approved)
    }

    @Test func onlyTheReviewerReviewsAndOnlyTheAuthorResubmits() throws {
        var review = try review(.coSign)
        let stranger = UserID(UUID())
        #expect(throws: ReviewRefusal.notTheReviewer) { try review.complete(by: stranger, at: at(1)) }
        #expect(throws: ReviewRefusal.notTheReviewer) { try review.returnForRevision(comment: "x", by: therapist, at: at(1)) }
        #expect(throws: ReviewRefusal.notReturned(.awaitingReview)) { try review.resubmit(by: therapist, at: at(1)) }
        try review.returnForRevision(comment: "More on risk.", by: supervisor, at: at(2))
        #expect(throws: ReviewRefusal.notTheAuthor) { try review.resubmit(by: supervisor, at: at(3)) }
        #expect(throws: ReviewRefusal.notAwaitingReview(.returned)) { try review.complete(by: supervisor, at: at(3)) }
        #expect(review.steps.count == 2)
    }

    @Test func aReturnNeedsAShortEnoughCommentAndStepsKeepTheirOrder() throws {
        var review = try review(.approve)
        #expect(throws: ReviewRefusal.emptyComment) { try review.returnForRevision(comment: " \n ", by: supervisor, at: at(1)) }
        #expect(throws: ReviewRefusal.commentTooLong(limit: NoteReview.commentLimit)) {
            try review.returnForRevision(comment: String(repeating: "a", count: NoteReview.commentLimit + 1), by: supervisor, at: at(1))
        }
        #expect(throws: ReviewRefusal.stepBeforePrevious) { try review.complete(by: supervisor, at: at(-1)) }
        #expect(review.status == .awaitingReview)
    }

    @Test func viewModeAndSelfReviewStartNoReview() {
        #expect(throws: ReviewRefusal.modeDoesNotReview) {
            try NoteReview(note: NoteID(UUID()), author: therapist, reviewer: supervisor, mode: .view, submittedAt: start)
        }
        #expect(throws: ReviewRefusal.reviewerIsAuthor) {
            try NoteReview(note: NoteID(UUID()), author: therapist, reviewer: therapist, mode: .coSign, submittedAt: start)
        }
        #expect(!SupervisionMode.view.reviewsNotes)
        #expect(SupervisionMode.approve.reviewsNotes && SupervisionMode.coSign.reviewsNotes)
    }

    @Test func aReturnedSignedNoteReopensAsADraftAndSignsAgain() throws {
        var note = SignableNote(id: NoteID(UUID()), session: BookingID(source: UUID(), date: nil), author: therapist,
                                content: IndividualSessionNote(body: try SessionNoteBody(
                                    interventions: [.empathicValidation], observed: try ObservedMentalizing(modes: [], imbalances: []),
                                    narrative: "First version.", risk: try RiskUpdate(change: .unchanged), plan: "Next time.")))
        #expect(throws: NoteRefusal.notSigned) { try note.reopenForRevision() }
        try note.sign(by: therapist, at: start)
        try note.reopenForRevision()
        #expect(!note.isSigned)
        try note.edit(IndividualSessionNote(body: try SessionNoteBody(
            interventions: [.empathicValidation], observed: try ObservedMentalizing(modes: [], imbalances: []),
            narrative: "Second version.", risk: try RiskUpdate(change: .unchanged), plan: "Next time.")))
        try note.sign(by: therapist, at: at(30))
        #expect(note.state == .signed(by: therapist, at: at(30)))
        #expect(note.content.body.narrative == "Second version.")
    }
}
