import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Saves, signs and adds addenda to a session's note through the core's `SignableNote`: a signed
/// note refuses edits, signing waits for the session's start and needs a complete note (and, for a group, a short note per member
/// and no other member named), addenda only after signing. Signing a group note that records a
/// member's risk as increased alerts that member's own therapists (``MemberRiskAlerts``).
struct NoteWriter {
    let request: Request
    let opened: SessionAccess.Opened
    let author: UUID

    enum Outcome {
        case saved
        case refused([String])
    }

    func write(fields: [String: String], sign: Bool) async throws -> Outcome {
        let store = SessionNoteStore(database: request.db)
        let session = opened.session
        // A signature says the session took place as written (and a group note's risk increases
        // raise alerts), so it waits for the session's start; a draft may be prepared before.
        if sign, request.now < session.slot.start {
            let start = DisplayTime.clinic(session.slot.start, zone: try await request.scheduleLoader().zone)
            return .refused([PageText.text("note.refusal.beforeSession", ["start": start])])
        }
        let existing = try await store.record(for: session.key)
        let body: SessionNoteBody
        switch NoteForm.body(fields) {
        case .success(let value): body = value
        case .failure(let refusal): return .refused(NoteRefusalText.lines(refusal))
        }
        do {
            if session.patientID != nil {
                var note = try existing.map { try store.decode($0, as: IndividualSessionNote.self) }
                    ?? SignableNote(id: NoteID(UUID()), session: session.booking.id, author: UserID(author), content: IndividualSessionNote(body: body))
                try note.edit(IndividualSessionNote(body: body))
                if sign { try note.sign(by: UserID(author), at: request.now) }
                try await persist(note, existing: existing, signing: sign)
            } else {
                let memberIDs = try opened.allMembers.map { try $0.requireID() }
                let members: [MemberNote]
                switch NoteForm.memberNotes(fields, members: memberIDs) {
                case .success(let value): members = value
                case .failure(let problem):
                    // Several members' parts may be open at once: say whose part needs attention.
                    let initials = try SessionPage.directory(opened)[PatientID(problem.member)]?.initials ?? PageText.text("note.aMember")
                    return .refused(["\(initials): \(NoteRefusalText.text(problem.refusal))"])
                }
                let content = GroupSessionNote(body: body, memberNotes: members)
                var note = try existing.map { try store.decode($0, as: GroupSessionNote.self) }
                    ?? SignableNote(id: NoteID(UUID()), session: session.booking.id, author: UserID(author), content: content)
                try note.edit(content)
                if sign { try note.sign(by: UserID(author), at: request.now, context: GroupNoteContext(members: try SessionPage.directory(opened))) }
                try await persist(note, existing: existing, signing: sign)
                if sign {
                    let user = try request.requireWebUser()
                    try await MemberRiskAlerts(request: request, access: try request.patientAccess())
                        .raise(for: content, session: session, author: author, authorName: user.user.displayName)
                }
            }
        } catch let refusal as NoteRefusal {
            return .refused(NoteRefusalText.lines(refusal))
        } catch let refusal as ReviewRefusal {
            return .refused([ReviewRefusalText.text(refusal)])
        }
        return .saved
    }

    /// Stores the note; a signature under an approve or co-sign supervision also sends it for
    /// review (a returned note as its next version) and keeps the signed version, in one
    /// transaction. Under *approve* the note is held out of the record until approved.
    private func persist<Content: SignableContent>(_ note: SignableNote<Content>, existing: SessionNoteRecord?, signing: Bool) async throws {
        let (session, now, author) = (opened.session, request.now, author)
        try await request.db.transaction { db in
            let reviews = NoteReviewStore(database: db)
            let submission = signing ? try await reviews.submission(noteID: note.id, author: author, at: now) : nil
            let record = try await SessionNoteStore(database: db).save(note, existing: existing, session: session, now: now,
                                                                       held: submission.map { !$0.0.isInRecord } ?? false)
            if let (review, reviewRecord) = submission {
                try await reviews.keepVersion(of: record, number: review.version, signedAt: now)
                try await reviews.save(review, existing: reviewRecord, now: now)
            }
        }
    }

    func addAddendum(_ text: String) async throws -> Outcome {
        let store = SessionNoteStore(database: request.db)
        guard let existing = try await store.record(for: opened.session.key) else { return .refused([NoteRefusalText.text(.notSigned)]) }
        do {
            if existing.kind == "group" {
                var note = try store.decode(existing, as: GroupSessionNote.self)
                try note.addAddendum(text, by: UserID(author), at: request.now)
                try await store.save(note, existing: existing, session: opened.session, now: request.now, held: existing.state == SessionNoteRecord.awaitingApproval)
            } else {
                var note = try store.decode(existing, as: IndividualSessionNote.self)
                try note.addAddendum(text, by: UserID(author), at: request.now)
                try await store.save(note, existing: existing, session: opened.session, now: request.now, held: existing.state == SessionNoteRecord.awaitingApproval)
            }
        } catch let refusal as NoteRefusal {
            return .refused(NoteRefusalText.lines(refusal))
        }
        return .saved
    }
}
