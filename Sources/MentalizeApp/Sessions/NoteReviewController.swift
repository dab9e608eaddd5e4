import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The supervisor's side of the note review loop: counter-sign (or approve) the version waiting,
/// or return it with a comment, which unlocks the note for its author to revise and sign again.
/// The review is written through the policy (audited per patient) and the core's `NoteReview`
/// decides whether the step is allowed.
struct NoteReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.post(.sessionReview, use: review)
    }

    struct Form: Content {
        var action: String?
        var comment: String?
    }

    func review(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.supervisor])
        let door = try await SessionAccess.make(request)
        let opened = try await door.open(for: .read)
        let notes = SessionNoteStore(database: request.db)
        let reviews = NoteReviewStore(database: request.db)
        guard let note = try await notes.record(for: opened.session.key), let noteID = note.id,
              let current = try await reviews.review(of: noteID) else { throw Abort(.notFound) }
        try await NoteReviewAccess(access: door.access).authorize(.write, opened, noteID: noteID)
        let form = try request.form(Form.self)
        var review = current.review
        do {
            switch form.action {
            case "return": try review.returnForRevision(comment: form.comment ?? "", by: UserID(user.id), at: request.now)
            case "complete": try review.complete(by: UserID(user.id), at: request.now)
            default: throw Abort(.badRequest)
            }
        } catch let refusal as ReviewRefusal {
            let status: HTTPResponseStatus = [.emptyComment, .commentTooLong(limit: NoteReview.commentLimit)].contains(refusal) ? .badRequest : .conflict
            return try await SessionPage.render(request, opened: opened, loader: door.loader, notice: ReviewRefusalText.text(refusal), reviewComment: form.comment ?? "", status: status)
        }
        let (now, session, reviewed) = (request.now, opened.session, review)
        try await request.db.transaction { db in
            if reviewed.status == .returned {
                try await Self.reopen(note, session: session, on: db, now: now)
            } else if reviewed.isInRecord, note.state == SessionNoteRecord.awaitingApproval {
                note.state = "signed"
                try await note.update(on: db)
            }
            try await NoteReviewStore(database: db).save(reviewed, existing: current.record, now: now)
        }
        return request.redirect(to: SiteRoute.session.path(session: opened.session.key))
    }

    /// Unlocks the returned note as a draft; its signed version stays in the kept versions.
    private static func reopen(_ record: SessionNoteRecord, session: ScheduledSession, on db: any Database, now: Date) async throws {
        let store = SessionNoteStore(database: db)
        if record.kind == "group" {
            var note = try store.decode(record, as: GroupSessionNote.self)
            try note.reopenForRevision()
            try await store.save(note, existing: record, session: session, now: now)
        } else {
            var note = try store.decode(record, as: IndividualSessionNote.self)
            try note.reopenForRevision()
            try await store.save(note, existing: record, session: session, now: now)
        }
    }
}
