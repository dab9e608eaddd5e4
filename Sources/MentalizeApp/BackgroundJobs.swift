import Foundation
import Vapor

/// The background jobs `serve` runs (see ``BackgroundJobRunner``): the work that comes due with time.
enum BackgroundJobs {
    static let all: [any BackgroundJob] = [AlertEscalationJob(), AssignmentCatchUpJob()]

    /// Runs the jobs on this node while the server is up, offering them a run every `tick` seconds,
    /// and sends the outbox every `outboxPoll` seconds.
    static func start(on app: Application, tick: TimeInterval, outboxPoll: TimeInterval) {
        let runner = BackgroundJobRunner(jobs: all, tick: tick)
        app.lifecycle.use(runner)
        app.lifecycle.use(OutboxWorker(poll: outboxPoll, node: runner.node))
    }
}
