import Foundation
import MentalizeCore

/// The therapist's page of a patient's diary, as a query function: the entries the patient chose
/// to share (never private ones, drafts or deleted ones), newest first, each with the analyzer's
/// short clinician-only summary and its "bring to next session" mark. Takes the store and a
/// patient already authorised for the shared diary; tested without HTTP.
enum PatientDiaryPage {
    static let limit = 100

    static func entries(_ store: DiaryStore, patientID: UUID, zone: ClinicZone) async throws -> [PatientDiaryContext.Entry] {
        let records = try await store.sharedEntries(patientID: patientID, limit: limit)
        let flagged = try await store.flaggedEntryIDs(among: records.compactMap(\.id))
        let analyzer = MentalizingAnalyzer()
        return records.compactMap { record in
            guard let id = record.id, let entry = DiaryStore.decode(record) else { return nil }
            let sections = DiaryField.narrative.compactMap { field -> DiaryEntryContext.Section? in
                guard let text = entry.text(of: field), !text.isEmpty else { return nil }
                return .init(labelKey: "diary.field.\(field.rawValue)", text: text)
            }
            return .init(id: id.uuidString, when: DisplayTime.clinic(record.updatedAt, zone: zone), sections: sections,
                         feelings: entry.emotions.map { .init(labelKey: "diary.emotion.\($0.emotion)", intensity: $0.intensity) },
                         certainty: entry.certaintyAboutTheirMind, summary: DiaryClinicianSummary.lines(for: entry, analyzer: analyzer), flagged: flagged.contains(id))
        }
    }
}
