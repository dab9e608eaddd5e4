import Fluent
import Foundation
import MentalizeCore

/// Crisis-plan queries.
struct CrisisPlanQueries {
    let database: any Database

    /// The newest version, if any.
    func latest(of patientID: UUID) async throws -> CrisisPlanVersion? {
        try await CrisisPlanVersion.query(on: database).filter(\.$patient.$id == patientID).sort(\.$version, .descending).first()
    }

    /// All versions with their authors, newest first (for the staff page's history).
    func versions(of patientID: UUID) async throws -> [CrisisPlanVersion] {
        try await CrisisPlanVersion.query(on: database).filter(\.$patient.$id == patientID).with(\.$writtenBy).sort(\.$version, .descending).all()
    }

}
