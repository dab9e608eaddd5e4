import Fluent
import Foundation
import SQLKit
import Synchronization
import Vapor

/// Offers every job to this node once per tick while the server runs; started by `serve` only,
/// so tests run jobs explicitly with ``runDue(_:now:)``.
final class BackgroundJobRunner: LifecycleHandler, @unchecked Sendable {
    let jobs: [any BackgroundJob]
    let tick: TimeInterval
    let node = "node-\(UUID().uuidString.prefix(8))"
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(jobs: [any BackgroundJob], tick: TimeInterval) {
        self.jobs = jobs
        self.tick = tick
    }

    func didBoot(_ application: Application) throws {
        let started = Task { [jobs, tick, node] in
            while !Task.isCancelled {
                await Self.runDue(jobs, application, node: node, now: application.clock.now())
                try? await Task.sleep(for: .seconds(tick))
            }
        }
        task.withLock { $0 = started }
    }

    func shutdown(_ application: Application) {
        task.withLock { $0?.cancel() }
    }

    /// Runs each job this node can claim now; a job that fails is logged and tried again when it
    /// is next due, and never stops the others.
    static func runDue(_ jobs: [any BackgroundJob], _ application: Application, node: String, now: Date) async {
        guard let sql = application.db as? any SQLDatabase else { return }
        for job in jobs {
            do {
                guard try await JobClaim(database: sql, node: node).claim(job.name, interval: job.interval, now: now) else { continue }
                try await job.run(application, now: now)
            } catch {
                application.logger.error("background job \(job.name) failed: \(String(reflecting: error))")
            }
        }
    }
}
