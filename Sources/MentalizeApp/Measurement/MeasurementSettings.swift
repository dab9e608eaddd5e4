import Foundation
import MentalizeCore
import Vapor

/// The instrument catalog (validated at start-up) and the clinic's timing rules for measures.
struct MeasurementSettings: Sendable {
    let catalog: InstrumentCatalog
    let window: AssignmentWindow
}

struct MeasurementSettingsKey: StorageKey {
    typealias Value = MeasurementSettings
}

/// Loads the bundled definitions; a bad file stops start-up with the file and field named.
enum InstrumentCatalogLoader {
    static func load() throws -> InstrumentCatalog {
        do {
            return try InstrumentCatalog.loadBundled()
        } catch let error as InstrumentCatalogError {
            throw ConfigurationError(error.description.replacingOccurrences(of: "\n", with: " "))
        }
    }
}

extension Application {
    /// Set by ``AppBootstrap`` before any route runs.
    var measurement: MeasurementSettings {
        get throws {
            guard let settings = storage[MeasurementSettingsKey.self] else { throw Abort(.internalServerError, reason: "measurement settings not configured") }
            return settings
        }
    }
}
