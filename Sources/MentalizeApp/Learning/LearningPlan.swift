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
    typealias Value = PsychoeducationLibrary
}

extension Application {
    /// The modules, validated at start-up (see ``AppBootstrap``).
    var psychoeducation: PsychoeducationLibrary {
        get throws {
            guard let library = storage[PsychoeducationLibraryKey.self] else { throw Abort(.internalServerError, reason: "modules not loaded") }
            return library
        }
    }
}
