import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Stores a patient's diary entries: create or update by idempotency key (so a draft saved and
/// then finished, or a form sent twice, stays one entry), soft delete, and the reflection
/// prompts setting. Access is checked by the caller.
struct DiaryBook {
    let request: Request

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
        try await DiaryEntryRecord.query(on: request.db).filter(\.$patient.$id == patientID).filter(\.$deletedAt == nil).sort(\.$updatedAt, .descending).all()
    }

    /// The patient's own entry with this id (deleted ones are gone for the patient too).
    func entry(_ id: UUID?, patientID: UUID) async throws -> DiaryEntryRecord? {
        guard let id else { return nil }
        return try await DiaryEntryRecord.query(on: request.db).filter(\.$id == id).filter(\.$patient.$id == patientID).filter(\.$deletedAt == nil).first()
    }

    /// Saves `entry` under the form's key: the first save creates it, later ones update it.
    func save(_ entry: DiaryEntry, draft: Bool, key: UUID, patientID: UUID, author: UUID, existing: DiaryEntryRecord?) async throws -> DiaryEntryRecord {
        let storedKey = "\(author.uuidString):\(key.uuidString)"
        let record: DiaryEntryRecord
        if let existing {
            record = existing
        } else if let same = try await DiaryEntryRecord.query(on: request.db).filter(\.$idempotencyKey == storedKey).filter(\.$patient.$id == patientID).first() {
            record = same
        } else {
            record = DiaryEntryRecord()
            record.$patient.id = patientID
            record.$author.id = author
            record.createdAt = request.now
            record.idempotencyKey = storedKey
        }
        record.entryJSON = Self.encode(entry)
        record.visibility = entry.visibility.rawValue
        record.isDraft = draft
        record.updatedAt = request.now
        try await record.save(on: request.db)
        return record
    }

    func delete(_ record: DiaryEntryRecord) async throws {
        record.deletedAt = request.now
        try await record.save(on: request.db)
    }

    /// Prompts are offered unless the clinic or the patient switched them off.
    func promptsEnabled(patient: Patient) async throws -> (clinic: Bool, patient: Bool) {
        let clinic = try await PortalPreference.query(on: request.db).filter(\.$scope == "clinic").filter(\.$subjectID == patient.$clinic.id).first()
        let own = try await PortalPreference.query(on: request.db).filter(\.$scope == "patient").filter(\.$subjectID == patient.requireID()).first()
        return (clinic?.promptsEnabled ?? true, own?.promptsEnabled ?? true)
    }

    func setPrompts(_ enabled: Bool, scope: String, subjectID: UUID) async throws {
        let preference = try await PortalPreference.query(on: request.db).filter(\.$scope == scope).filter(\.$subjectID == subjectID).first() ?? PortalPreference()
        preference.scope = scope
        preference.subjectID = subjectID
        preference.promptsEnabled = enabled
        try await preference.save(on: request.db)
    }
}
