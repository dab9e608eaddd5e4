import Fluent
import Foundation
import MentalizeCore

/// The clinic's imported text packs (licensed instrument texts): one per instrument and language.
struct TextPackStore {
    let database: any Database

    /// The packs imported for an instrument, every language.
    func packs(for instrumentID: String) async throws -> [InstrumentTextPackRecord] {
        try await InstrumentTextPackRecord.query(on: database).filter(\.$instrumentID == instrumentID).all()
    }

    /// Stores `record`, replacing the pack of the same instrument and language, in one transaction.
    func replace(with record: InstrumentTextPackRecord) async throws {
        let instrumentID = record.instrumentID
        let language = record.language
        try await database.transaction { database in
            try await InstrumentTextPackRecord.query(on: database).filter(\.$instrumentID == instrumentID).filter(\.$language == language).delete()
            try await record.create(on: database)
        }
    }
}
