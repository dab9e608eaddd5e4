import Fluent
import Foundation
import MentalizeCore

/// Checks a clinic's text pack against its definition and stores it (replacing an earlier pack
/// for the same instrument and language). Every problem is reported at once, nothing is stored.
struct TextPackImport {
    let database: any Database
    let catalog: InstrumentCatalog

    func run(_ data: Data, now: Date) async throws -> TextPack {
        let pack: TextPack
        do {
            pack = try TextPack.decode(data)
        } catch let error as TextPackError {
            throw ConfigurationError(error.problems.joined(separator: "; "))
        }
        guard let definition = catalog.definition(id: pack.instrumentId) else {
            throw ConfigurationError("unknown instrument '\(pack.instrumentId)': known are \(catalog.definitions.map(\.id).joined(separator: ", "))")
        }
        do {
            try pack.validate(against: definition)
        } catch let error as TextPackError {
            throw ConfigurationError("text pack for \(definition.id) rejected: " + error.problems.joined(separator: "; "))
        }
        let record = InstrumentTextPackRecord()
        record.instrumentID = pack.instrumentId
        record.language = pack.language
        record.version = pack.version
        record.packJSON = String(decoding: data, as: UTF8.self)
        record.importedAt = now
        try await TextPackStore(database: database).replace(with: record)
        return pack
    }
}
