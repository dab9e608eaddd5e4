import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Which modules a patient can open, and their progress. The first module is always open; the
/// others open when a therapist unlocks them (in step with the MBT-I group), and all are open
/// once a patient has moved past MBT-I. Progress is engagement data: stored and checked as the
/// patient's measure-response records (the patient may write their own, the care team too).
struct LearningPlan {
    let database: any Database
    let library: PsychoeducationLibrary

    struct Line {
        let module: PsychoeducationModule
        let open: Bool
        let progress: ModuleProgress?
        /// When the patient first opened the module.
        let opened: Date?
    }

    static let pastIntroduction = Set([ProgrammePhase.treatment, .ending, .followUp, .discharged].map(\.rawValue))

    func lines(for patient: Patient) async throws -> [Line] {
        let store = LearningStore(database: database)
        let rows = try await store.progressRows(patientID: patient.requireID())
        let byModule = Dictionary(rows.map { ($0.moduleID, $0) }, uniquingKeysWith: { first, _ in first })
        let allOpen = Self.pastIntroduction.contains(patient.phase)
        let opened = try await store.firstOpened(patientID: patient.requireID())
        return library.modules.sorted { $0.order < $1.order }.map { module in
            let progress = byModule[module.id]
            let first = [progress?.openedAt, opened[module.id]].compactMap { $0 }.min()
            return Line(module: module, open: allOpen || module.order == 1 || progress?.unlockedAt != nil, progress: progress, opened: first)
        }
    }
}

struct PsychoeducationLibraryKey: StorageKey {
    typealias Value = PsychoeducationLibraries
}

/// The course in every language it is shipped in; each translation has exactly the English
/// modules (same ids and order), so progress means the same in any language.
struct PsychoeducationLibraries: Sendable {
    let byLanguage: [String: PsychoeducationLibrary]

    static func loadBundled() throws -> PsychoeducationLibraries {
        let english = try PsychoeducationLibrary.loadBundled()
        var byLanguage = ["en": english]
        for language in PsychoeducationLibrary.bundledTranslations {
            let translation = try PsychoeducationLibrary.loadBundled(language: language)
            let shape = { (library: PsychoeducationLibrary) in library.modules.map { "\($0.order) \($0.id)" } }
            guard shape(translation) == shape(english) else {
                throw ConfigurationError("the \(language) psychoeducation modules are not the English modules translated (ids and order must match)")
            }
            byLanguage[language] = translation
        }
        return PsychoeducationLibraries(byLanguage: byLanguage)
    }

    /// The course in `language`, else in English.
    func library(in language: String) -> PsychoeducationLibrary? {
        byLanguage[language] ?? byLanguage["en"]
    }
}

extension Request {
    /// The modules in the reader's language (validated at start-up, see ``AppBootstrap``).
    var psychoeducation: PsychoeducationLibrary {
        get throws {
            guard let library = application.storage[PsychoeducationLibraryKey.self]?.library(in: language) else {
                throw Abort(.internalServerError, reason: "modules not loaded")
            }
            return library
        }
    }
}
