import Fluent
import Foundation
import MentalizeCore

/// A patient's completed responses per instrument, oldest first, with each score's reliable
/// change against the first one (the usual baseline: intake). One query for all instruments.
struct MeasureHistory {
    struct Entry {
        let response: MeasureResponse
        let score: ScoreResult
        let change: ChangeAssessment?
    }

    struct Series {
        let definition: InstrumentDefinition
        let entries: [Entry]

        var latest: Entry? { entries.last }

        /// The latest score against the first and the previous one (primary scale).
        var changeOverTime: ChangeOverTime? {
            let administrations = entries.compactMap { entry in entry.response.completedAt.map { ChangeOverTime.Administration(date: $0, score: entry.score) } }
            return try? ChangeOverTime.of(definition, administrations)
        }

        /// The primary scale's chart, or nil for unscored instruments.
        func chart() -> OutcomeChart? {
            guard let scaleID = definition.scoring?.primaryScale, let scale = definition.scale(id: scaleID) else { return nil }
            let points = entries.compactMap { entry -> OutcomeChart.Point? in
                guard let value = entry.score.scale(scaleID)?.value, let date = entry.response.completedAt else { return nil }
                return OutcomeChart.Point(date: date, value: value, change: entry.change?.outcome)
            }
            return OutcomeChart(title: "\(definition.title): \(scale.title)", scale: scale, points: points)
        }
    }

    let database: any Database
    let catalog: InstrumentCatalog

    func series(for patientID: UUID, instrumentID: String? = nil) async throws -> [Series] {
        let responses = try await MeasureQueries(database: database).completedResponses(of: patientID, instrumentID: instrumentID)
        return series(of: responses, instrumentID: instrumentID)
    }

    /// Each patient's series, from one query (a caseload's latest scores).
    func series(forPatients patientIDs: [UUID]) async throws -> [UUID: [Series]] {
        let responses = try await MeasureQueries(database: database).completedResponses(ofPatients: patientIDs)
        return Dictionary(grouping: responses, by: { $0.$patient.id }).mapValues { series(of: $0, instrumentID: nil) }
    }

    private func series(of responses: [MeasureResponse], instrumentID: String?) -> [Series] {
        let grouped = Dictionary(grouping: responses, by: \.instrumentID)
        // Asked for one instrument, answer with its (possibly empty) series.
        let ids = instrumentID.map { [$0] } ?? grouped.keys.sorted()
        return ids.compactMap { id in
            guard let definition = catalog.definition(id: id) else { return nil }
            let rows = grouped[id] ?? []
            var entries: [Entry] = []
            var baseline: ScoreResult?
            for row in rows {
                guard let score = MeasureAnswers.score(row.scoreJSON) else { continue }
                let change = baseline.flatMap { try? ReliableChange.compare(definition, from: $0, to: score) }
                if baseline == nil { baseline = score }
                entries.append(Entry(response: row, score: score, change: change))
            }
            return Series(definition: definition, entries: entries)
        }
    }
}
