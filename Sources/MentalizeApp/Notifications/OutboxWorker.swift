import Foundation
import Synchronization
import Vapor

/// Sends the outbox from this node while the server runs, looking every `poll` seconds; started
/// by `serve` only (tests call ``OutboxDelivery/deliverDue(now:limit:)`` themselves).
final class OutboxWorker: LifecycleHandler, @unchecked Sendable {
    let poll: TimeInterval
    let node: String
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(poll: TimeInterval, node: String) {
        self.poll = poll
        self.node = node
    }

    func didBoot(_ application: Application) throws {
        let started = Task { [poll, node] in
            while !Task.isCancelled {
                do {
                    try await OutboxDelivery(application: application, node: node).deliverDue(now: application.clock.now())
                } catch {
                    application.logger.error("outbox delivery failed: \(String(reflecting: type(of: error)))")
                }
                try? await Task.sleep(for: .seconds(poll))
            }
        }
        task.withLock { $0 = started }
    }

    func shutdown(_ application: Application) {
        task.withLock { $0?.cancel() }
    }
}
