import Fluent
import Foundation
import MentalizeCore

/// Reads and writes session notes: the core's `SignableNote` as JSON, with its state, signing time
/// and session copied into columns. Every rule (editing drafts only, signing checks, addenda after
/// signing) is the core's.
struct SessionNoteStore {
    let database: any Database

    func record(for key: SessionKey) async throws -> SessionNoteRecord? {
        try await SessionNoteRecord.query(on: database).filter(\.$sourceID == key.source).filter(\.$sessionDate == key.date.description).first()
    }

    func decode<Content: SignableContent>(_ record: SessionNoteRecord, as type: Content.Type) throws -> SignableNote<Content> {
        try JSONDecoder().decode(SignableNote<Content>.self, from: Data(record.noteJSON.utf8))
    }

    /// Stores `note` for `session`, creating the row on first save. A signed note that `held` for
    /// its supervisor's approval is stored as awaiting: not yet part of the record.
    @discardableResult
    func save<Content: SignableContent>(_ note: SignableNote<Content>, existing: SessionNoteRecord?, session: ScheduledSession, now: Date,
                                        held: Bool = false) async throws -> SessionNoteRecord {
        let record = existing ?? SessionNoteRecord()
        if existing == nil {
            record.id = note.id.rawValue
            record.sourceID = session.key.source
            record.sessionDate = session.key.date.description
            record.sessionStart = session.slot.start
            record.kind = session.patientID == nil ? "group" : "individual"
            record.$patient.id = session.patientID
            record.$group.id = session.groupID
            record.$author.id = note.author.rawValue
        }
        if case .signed(_, let at) = note.state {
            record.state = held ? SessionNoteRecord.awaitingApproval : "signed"
            record.signedAt = at
        } else {
            record.state = "draft"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        record.noteJSON = String(decoding: try encoder.encode(note), as: UTF8.self)
        record.updatedAt = now
        try await record.save(on: database)
        return record
    }
}
