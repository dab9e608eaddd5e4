import Fluent
import Foundation
import MentalizeCore

/// The most recent risk update about one patient in a signed session note: their own individual
/// notes and their part of the group notes of groups they belong to. A therapist who signs
/// "risk increased" as the patient's only caseload therapist raises no alert (they know), so the
/// chart is where everyone else in the care team sees it. Reads a bounded number of the newest
/// signed notes, not the whole history.
struct LatestNoteRisk {
    /// One risk update, with the session it was recorded for.
    struct Update {
        let change: RiskChange
        let summary: String
        let sessionStart: Date
        let isGroup: Bool
        let sessionKey: String
    }

    /// How many of the newest signed notes of each kind are read.
    static let notesRead = 20

    let database: any Database

    func find(patientID: UUID) async throws -> Update? {
        let store = SessionNoteStore(database: database)
        var updates: [Update] = []
        let queries = SessionQueries(database: database)
        let individual = try await queries.signedNotes(ofPatient: patientID, limit: Self.notesRead)
        for record in individual {
            guard let risk = try? store.decode(record, as: IndividualSessionNote.self).content.body.risk else { continue }
            updates.append(Update(risk, record: record, isGroup: false))
        }
        let groups = try await queries.groupIDs(ofPatient: patientID)
        if !groups.isEmpty {
            let groupNotes = try await queries.signedNotes(ofGroups: groups, limit: Self.notesRead)
            for record in groupNotes {
                guard let note = try? store.decode(record, as: GroupSessionNote.self),
                      let risk = note.content.memberNotes[PatientID(patientID)]?.risk else { continue }
                updates.append(Update(risk, record: record, isGroup: true))
            }
        }
        return updates.max { $0.sessionStart < $1.sessionStart }
    }
}

private extension LatestNoteRisk.Update {
    init(_ risk: RiskUpdate, record: SessionNoteRecord, isGroup: Bool) {
        self.init(change: risk.change, summary: risk.summary, sessionStart: record.sessionStart, isGroup: isGroup,
                  sessionKey: SessionKey.text(source: record.sourceID, storedDate: record.sessionDate))
    }
}
