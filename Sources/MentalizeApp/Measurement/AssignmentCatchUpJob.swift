import Fluent
import Foundation
import Vapor

/// Brings every patient's plan assignments up to date as their due dates arrive and after a move
/// to a new phase, so that no page has to create them while it is being read. Runs every minute
/// across the cluster, a batch of patients at a time; a change to the plan assigns at once.
struct AssignmentCatchUpJob: BackgroundJob {
    var name: String { "measure-assignment-catch-up" }
    var interval: TimeInterval { 60 }
    var batchSize = 200

    func run(_ application: Application, now: Date) async throws {
        let settings = try application.measurement
        let database = application.db
        let queries = MeasureQueries(database: database)
        let planned = try await queries.plannedPhases()
        guard !planned.isEmpty else { return }
        let sync = AssignmentSync(database: database, settings: settings, now: now)
        var after: UUID?
        while true {
            let batch = try await queries.patients(inPhases: planned, after: after, limit: batchSize)
            guard let last = batch.last?.id else { return }
            try await sync.sync(batch)
            after = last
        }
    }
}
