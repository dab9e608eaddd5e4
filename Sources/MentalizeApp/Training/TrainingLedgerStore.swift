import Fluent
import Foundation

/// The training ledger's courses: read, added and removed by their own clinician only.
struct TrainingLedgerStore {
    let database: any Database

    /// The clinician's courses, most recently completed first.
    func courses(of userID: UUID) async throws -> [TrainingCourseRecord] {
        try await TrainingCourseRecord.query(on: database).filter(\.$user.$id == userID).sort(\.$completedOn, .descending).sort(\.$recordedAt, .descending).all()
    }

    /// The clinician's own course with this id; nil for anyone else's or none.
    func course(_ id: UUID, of userID: UUID) async throws -> TrainingCourseRecord? {
        try await TrainingCourseRecord.query(on: database).filter(\.$id == id).filter(\.$user.$id == userID).first()
    }
}
