import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Decides and audits access to a session note's review for every patient the session concerns:
/// the patient of an individual session, or each member the user reaches in a group session (with
/// the group's id, so co-therapy applies). Denied for any of them: 404.
struct NoteReviewAccess {
    let access: PatientAccess

    func authorize(_ action: AccessAction, _ opened: SessionAccess.Opened, noteID: UUID) async throws {
        let patients = opened.patient.map { [$0] } ?? opened.members
        guard !patients.isEmpty else { throw Abort(.notFound) }
        for patient in patients {
            let record = RecordDescriptor(kind: .noteReview, patientID: PatientID(try patient.requireID()), groupID: opened.session.groupID.map(GroupID.init))
            try await access.authorize(action, record, recordType: RecordKind.noteReview.rawValue, recordID: noteID.uuidString)
        }
    }
}
