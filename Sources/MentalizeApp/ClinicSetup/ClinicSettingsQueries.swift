import Fluent
import Foundation

/// Reading and changing the clinic's settings and helplines (one clinic per installation).
struct ClinicSettingsQueries {
    let database: any Database

    func clinic() async throws -> Clinic? {
        try await ClinicQueries(database: database).first()
    }

    func helplines(clinicID: UUID) async throws -> [Helpline] {
        try await Helpline.query(on: database).filter(\.$clinic.$id == clinicID).sort(\.$position).all()
    }

    func helpline(_ id: UUID?, clinicID: UUID) async throws -> Helpline? {
        guard let id else { return nil }
        return try await Helpline.query(on: database).filter(\.$id == id).filter(\.$clinic.$id == clinicID).first()
    }

    /// Writes the positions 0, 1, 2 … in the given order.
    func renumber(_ lines: [Helpline]) async throws {
        try await database.transaction { db in
            for (position, line) in lines.enumerated() where line.position != position {
                line.position = position
                try await line.update(on: db)
            }
        }
    }
}
