import Fluent
import Foundation
import MentalizeCore

/// The only code that touches the diary's tables: a patient's entries (create or update by
/// idempotency key, so a draft saved and then finished, or a form sent twice, stays one entry;
/// soft delete), what the care team may read (``shared(patientID:)``), the "bring to next
/// session" marks and the reflection-prompts setting. Access is checked by the caller.
struct DiaryStore {
    let database: any Database
    let now: Date

    static func decode(_ record: DiaryEntryRecord) -> DiaryEntry? {
        try? JSONDecoder().decode(DiaryEntry.self, from: Data(record.entryJSON.utf8))
    }

    static func encode(_ entry: DiaryEntry) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(entry)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// The patient's entries that are not deleted, newest first.
    func entries(patientID: UUID) async throws -> [DiaryEntryRecord] {
        try await DiaryEntryRecord.query(on: database).filter(\.$patient.$id == patientID).filter(\.$deletedAt == nil).sort(\.$updatedAt, .descending).all()
    }

    /// The patient's own entry with this id (deleted ones are gone for the patient too).
    func entry(_ id: UUID?, patientID: UUID) async throws -> DiaryEntryRecord? {
        guard let id else { return nil }
        return try await DiaryEntryRecord.query(on: database).filter(\.$id == id).filter(\.$patient.$id == patientID).filter(\.$deletedAt == nil).first()
    }

    /// Saves `entry` under the form's key: the first save creates it, later ones update it.
    func save(_ entry: DiaryEntry, draft: Bool, key: UUID, patientID: UUID, author: UUID, existing: DiaryEntryRecord?) async throws -> DiaryEntryRecord {
        let storedKey = "\(author.uuidString):\(key.uuidString)"
        let record: DiaryEntryRecord
        if let existing {
            record = existing
        } else if let same = try await DiaryEntryRecord.query(on: database).filter(\.$idempotencyKey == storedKey).filter(\.$patient.$id == patientID).first() {
            record = same
        } else {
            record = DiaryEntryRecord()
            record.$patient.id = patientID
            record.$author.id = author
            record.createdAt = now
            record.idempotencyKey = storedKey
        }
        record.entryJSON = Self.encode(entry)
        record.visibility = entry.visibility.rawValue
        record.isDraft = draft
        record.updatedAt = now
        try await record.save(on: database)
        return record
    }

    /// What the care team may read of a patient's diary: entries shared with the therapist, not
    /// drafts, not deleted (the one place this rule is written).
    func shared(patientID: UUID) -> QueryBuilder<DiaryEntryRecord> {
        DiaryEntryRecord.query(on: database).filter(\.$patient.$id == patientID)
            .filter(\.$visibility == DiaryVisibility.sharedWithTherapist.rawValue).filter(\.$isDraft == false).filter(\.$deletedAt == nil)
    }

    /// The newest `limit` shared entries of a patient, newest first.
    func sharedEntries(patientID: UUID, limit: Int) async throws -> [DiaryEntryRecord] {
        try await shared(patientID: patientID).sort(\.$updatedAt, .descending).limit(limit).all()
    }

    /// Which of these entries some therapist marked to bring to a session.
    func flaggedEntryIDs(among entryIDs: [UUID]) async throws -> Set<UUID> {
        guard !entryIDs.isEmpty else { return [] }
        return Set(try await DiarySessionFlag.query(on: database).filter(\.$entry.$id ~~ entryIDs).all().map(\.$entry.id))
    }

    /// The shared entries of this patient that this therapist marked to bring, newest first.
    func brought(patientID: UUID, therapistID: UUID) async throws -> [DiaryEntryRecord] {
        let flagged = try await DiarySessionFlag.query(on: database).filter(\.$therapist.$id == therapistID).all().map(\.$entry.id)
        guard !flagged.isEmpty else { return [] }
        return try await shared(patientID: patientID).filter(\.$id ~~ flagged).sort(\.$updatedAt, .descending).all()
    }

    /// Marks (or unmarks) a shared entry for this therapist's next session; false when the entry
    /// is not one the care team may read.
    func setBrought(_ brought: Bool, entryID: UUID, patientID: UUID, therapistID: UUID) async throws -> Bool {
        guard try await shared(patientID: patientID).filter(\.$id == entryID).first() != nil else { return false }
        let existing = try await DiarySessionFlag.query(on: database).filter(\.$entry.$id == entryID).filter(\.$therapist.$id == therapistID).first()
        if brought, existing == nil {
            let flag = DiarySessionFlag()
            flag.$entry.id = entryID
            flag.$therapist.id = therapistID
            flag.flaggedAt = now
            try await flag.create(on: database)
        } else if !brought, let existing {
            try await existing.delete(on: database)
        }
        return true
    }

    func delete(_ record: DiaryEntryRecord) async throws {
        record.deletedAt = now
        try await record.save(on: database)
    }

    /// Prompts are offered unless the clinic or the patient switched them off.
    func promptsEnabled(patient: Patient) async throws -> (clinic: Bool, patient: Bool) {
        let own = try await PortalPreference.query(on: database).filter(\.$scope == "patient").filter(\.$subjectID == patient.requireID()).first()
        return (try await clinicPromptsEnabled(clinicID: patient.$clinic.id), own?.promptsEnabled ?? true)
    }

    /// Whether the clinic offers reflection prompts (on unless switched off).
    func clinicPromptsEnabled(clinicID: UUID) async throws -> Bool {
        try await PortalPreference.query(on: database).filter(\.$scope == "clinic").filter(\.$subjectID == clinicID).first()?.promptsEnabled ?? true
    }

    func setPrompts(_ enabled: Bool, scope: String, subjectID: UUID) async throws {
        let preference = try await PortalPreference.query(on: database).filter(\.$scope == scope).filter(\.$subjectID == subjectID).first() ?? PortalPreference()
        preference.scope = scope
        preference.subjectID = subjectID
        preference.promptsEnabled = enabled
        try await preference.save(on: database)
    }
}
