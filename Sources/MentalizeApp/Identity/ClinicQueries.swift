import Fluent
import Foundation

/// Which clinics the installation holds.
struct ClinicQueries {
    let database: any Database

    /// The first clinic by name (the sign-in page names it).
    func first() async throws -> Clinic? {
        try await Clinic.query(on: database).sort(\.$name).first()
    }
}
