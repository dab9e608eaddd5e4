import Fluent
import Foundation
import MentalizeCore

/// Reads and writes note reviews and the signed versions of reviewed notes. Every rule (who may
/// return, approve or resubmit, and when) is the core's `NoteReview`.
struct NoteReviewStore {
    let database: any Database

    /// The supervision link that reviews `author`'s notes now (approve or co-sign), if any.
    func reviewingLink(author: UUID, at now: Date) async throws -> SupervisionLinkRecord? {
        try await SupervisionLinkRecord.query(on: database).filter(\.$therapist.$id == author).filter(\.$mode ~~ ["approve", "co-sign"]).all()
            .filter { $0.startsAt <= now && $0.endsAt.map { now < $0 } ?? true }
            .min { $0.startsAt < $1.startsAt }
    }

    func review(of noteID: UUID) async throws -> (record: NoteReviewRecord, review: NoteReview)? {
        guard let record = try await NoteReviewRecord.query(on: database).filter(\.$note.$id == noteID).first() else { return nil }
        return (record, try JSONDecoder().decode(NoteReview.self, from: Data(record.reviewJSON.utf8)))
    }

    /// The review a fresh signature of `note` enters: the returned review resubmitted, or a new one
    /// when the author's notes are reviewed now; nil when no review applies.
    func submission(noteID: NoteID, author: UUID, at now: Date) async throws -> (NoteReview, NoteReviewRecord?)? {
        if let existing = try await review(of: noteID.rawValue) {
            var review = existing.review
            try review.resubmit(by: UserID(author), at: now)
            return (review, existing.record)
        }
        guard let link = try await reviewingLink(author: author, at: now) else { return nil }
        let review = try NoteReview(note: noteID, author: UserID(author), reviewer: UserID(link.$supervisor.id), mode: link.supervisionMode, submittedAt: now)
        return (review, nil)
    }

    func save(_ review: NoteReview, existing: NoteReviewRecord?, now: Date) async throws {
        let record = existing ?? NoteReviewRecord()
        if existing == nil {
            record.$note.id = review.note.rawValue
            record.$author.id = review.author.rawValue
            record.$reviewer.id = review.reviewer.rawValue
        }
        record.status = review.status.rawValue
        record.awaitingSince = review.awaitingSince
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        record.reviewJSON = String(decoding: try encoder.encode(review), as: UTF8.self)
        record.updatedAt = now
        try await record.save(on: database)
    }

    /// Keeps the signed note as the version a submission sent for review.
    func keepVersion(of note: SessionNoteRecord, number: Int, signedAt: Date) async throws {
        let version = NoteVersionRecord()
        version.$note.id = try note.requireID()
        version.version = number
        version.noteJSON = note.noteJSON
        version.signedAt = signedAt
        try await version.create(on: database)
    }

    func versions(of noteID: UUID) async throws -> [NoteVersionRecord] {
        try await NoteVersionRecord.query(on: database).filter(\.$note.$id == noteID).sort(\.$version).all()
    }

    /// Notes waiting for `reviewer`, oldest first, with their session note.
    func queue(reviewer: UUID) async throws -> [NoteReviewRecord] {
        try await NoteReviewRecord.query(on: database).filter(\.$reviewer.$id == reviewer).filter(\.$status == ReviewStatus.awaitingReview.rawValue)
            .with(\.$note).sort(\.$awaitingSince).all()
    }

    func awaitingCount(reviewer: UUID) async throws -> Int {
        try await NoteReviewRecord.query(on: database).filter(\.$reviewer.$id == reviewer).filter(\.$status == ReviewStatus.awaitingReview.rawValue).count()
    }
}
