import Fluent
import Foundation

/// The patients the audit viewer names: those on one page, and every id (to resolve a pseudonym).
struct AuditPatientQueries {
    let database: any Database

    /// These patients (already scoped by the caller).
    func patients(_ ids: [UUID]) async throws -> [Patient] {
        guard !ids.isEmpty else { return [] }
        return try await Patient.query(on: database).filter(\.$id ~~ ids).all()
    }

    /// Every patient id (ids only are read).
    func allPatientIDs() async throws -> [UUID] {
        try await Patient.query(on: database).field(\.$id).all().compactMap(\.id)
    }
}
