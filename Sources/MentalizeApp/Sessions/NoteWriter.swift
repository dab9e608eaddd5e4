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
            return .refused(["The note can be signed once the session has started (\(start)). Save it as a draft until then."])
        }
        let existing = try await store.record(for: session.key)
        let body: SessionNoteBody
        switch NoteForm.body(fields) {
        case .success(let value): body = value
        case .failure(let refusal): return .refused([refusal.description])
        }
        do {
            if session.patientID != nil {
                var note = try existing.map { try store.decode($0, as: IndividualSessionNote.self) }
                    ?? SignableNote(id: NoteID(UUID()), session: session.booking.id, author: UserID(author), content: IndividualSessionNote(body: body))
                try note.edit(IndividualSessionNote(body: body))
                if sign { try note.sign(by: UserID(author), at: request.now) }
                try await store.save(note, existing: existing, session: session, now: request.now)
            } else {
                let memberIDs = try opened.allMembers.map { try $0.requireID() }
                let members: [MemberNote]
                switch NoteForm.memberNotes(fields, members: memberIDs) {
                case .success(let value): members = value
                case .failure(let problem):
                    // Several members' parts may be open at once: say whose part needs attention.
                    let initials = try SessionPage.directory(opened)[PatientID(problem.member)]?.initials ?? "A member"
                    return .refused(["\(initials): \(problem.refusal.description)"])
                }
                let content = GroupSessionNote(body: body, memberNotes: members)
                var note = try existing.map { try store.decode($0, as: GroupSessionNote.self) }
                    ?? SignableNote(id: NoteID(UUID()), session: session.booking.id, author: UserID(author), content: content)
                try note.edit(content)
                if sign { try note.sign(by: UserID(author), at: request.now, context: GroupNoteContext(members: try SessionPage.directory(opened))) }
                try await store.save(note, existing: existing, session: session, now: request.now)
                if sign {
                    let user = try request.requireWebUser()
                    try await MemberRiskAlerts(request: request, access: try request.patientAccess())
                        .raise(for: content, session: session, author: author, authorName: user.user.displayName, zone: try await request.scheduleLoader().zone)
                }
            }
        } catch let refusal as NoteRefusal {
            return .refused(Self.sentences(refusal))
        }
        return .saved
    }

    func addAddendum(_ text: String) async throws -> Outcome {
        let store = SessionNoteStore(database: request.db)
        guard let existing = try await store.record(for: opened.session.key) else { return .refused([NoteRefusal.notSigned.description]) }
        do {
            if existing.kind == "group" {
                var note = try store.decode(existing, as: GroupSessionNote.self)
                try note.addAddendum(text, by: UserID(author), at: request.now)
                try await store.save(note, existing: existing, session: opened.session, now: request.now)
            } else {
                var note = try store.decode(existing, as: IndividualSessionNote.self)
                try note.addAddendum(text, by: UserID(author), at: request.now)
                try await store.save(note, existing: existing, session: opened.session, now: request.now)
            }
        } catch let refusal as NoteRefusal {
            return .refused([refusal.description])
        }
        return .saved
    }

    /// An incomplete note lists each problem on its own line.
    static func sentences(_ refusal: NoteRefusal) -> [String] {
        if case .incomplete(let problems) = refusal { return ["The note cannot be signed yet."] + problems }
        return [refusal.description]
    }
}
