import Fluent
import Foundation
import MentalizeCore

/// The instrument as a patient may see it: with its shipped public texts or the clinic's
/// imported licensed texts, or nil when complete texts are missing (never shown to patients).
struct InstrumentTexts {
    let database: any Database
    let catalog: InstrumentCatalog

    func packs(for instrumentID: String) async throws -> [TextPack] {
        try await TextPackStore(database: database).packs(for: instrumentID)
            .compactMap { try? TextPack.decode(Data($0.packJSON.utf8)) }
    }

    /// The definition with complete patient-facing texts in `language`, or nil.
    func patientFacing(_ instrumentID: String, language: String = "en") async throws -> InstrumentDefinition? {
        guard let definition = catalog.definition(id: instrumentID), definition.rater == .`self` else { return nil }
        return TextAvailability.completeTexts(definition, language: language, packs: try await packs(for: instrumentID))
    }

    /// The definition for staff: licensed texts when loaded, otherwise the placeholders (staff
    /// entering a paper form have the licensed text in front of them).
    func forStaff(_ instrumentID: String, language: String = "en") async throws -> InstrumentDefinition? {
        guard let definition = catalog.definition(id: instrumentID) else { return nil }
        return TextAvailability.completeTexts(definition, language: language, packs: try await packs(for: instrumentID)) ?? definition
    }
}
