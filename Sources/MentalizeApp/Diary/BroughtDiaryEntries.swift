import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The shared diary entries a therapist marked "bring to next session", shown beside the session
/// note form. Reading them is a shared-diary read through the access door (audited once).
enum BroughtDiaryEntries {
    struct Entry: Encodable {
        let written: String
        let whatHappened: String
        let forTherapy: String
    }

    static func load(_ request: Request, patientID: UUID, therapistID: UUID) async throws -> [Entry] {
        let access = try request.patientAccess()
        guard try await access.allows(.read, .sharedDiaryEntry, patientID: patientID) else { return [] }
        let records = try await DiaryStore(database: request.db, now: request.now).brought(patientID: patientID, therapistID: therapistID)
        guard !records.isEmpty else { return [] }
        try await access.authorize(.read, RecordDescriptor(kind: .sharedDiaryEntry, patientID: PatientID(patientID)),
                                   recordType: RecordKind.sharedDiaryEntry.rawValue, recordID: nil)
        let zone = try await request.clinicZone()
        return records.compactMap { record in
            DiaryStore.decode(record).map { Entry(written: DisplayTime.clinic(record.updatedAt, zone: zone), whatHappened: $0.whatHappened, forTherapy: $0.forTherapy) }
        }
    }
}
