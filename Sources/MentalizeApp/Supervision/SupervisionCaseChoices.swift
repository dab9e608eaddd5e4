import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The cases a supervisor may link to a logged session: the patients on their supervisees'
/// caseloads now, by initials (numbered where they collide), listed through the policy and
/// audited as listed.
struct SupervisionCaseChoices {
    struct Case {
        let patientID: UUID
        let therapistID: UUID
        let initials: String
    }

    let cases: [Case]

    /// Therapist → the patients of theirs that may be linked.
    var caseloads: [UUID: Set<UUID>] {
        cases.reduce(into: [:]) { $0[$1.therapistID, default: []].insert($1.patientID) }
    }

    static func load(_ request: Request, supervisees: [UUID]) async throws -> SupervisionCaseChoices {
        let rows = try await SupervisionQueries(database: request.db).currentCaseloads(of: supervisees, at: request.now)
        let initials = try await ScheduleNames(request: request).initials(rows.map { $0.$patient.id })
        return SupervisionCaseChoices(cases: rows.compactMap { row in
            initials[row.$patient.id].map { Case(patientID: row.$patient.id, therapistID: row.$therapist.id, initials: $0) }
        }.sorted { ($0.initials, $0.patientID.uuidString) < ($1.initials, $1.patientID.uuidString) })
    }

    /// The log's text: the linked cases' initials, then the other cases typed.
    func text(linked: Set<UUID>, other: String) -> String {
        let named = cases.filter { linked.contains($0.patientID) }.map(\.initials)
        return Array(Set(named)).sorted().joined(separator: ", ") + (named.isEmpty || other.isEmpty ? "" : ", ") + other
    }
}
