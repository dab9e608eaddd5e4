import Foundation
import Vapor

/// One writer at a time for an SQLite file, in this process: writes queue here, first come first
/// served, instead of meeting SQLite's lock ("database is locked"). A write that has waited
/// `maximumWait` gives up with ``SQLiteWriterBusy`` (a 503 that keeps what the person typed).
/// Readers never queue: WAL lets them read beside the one writer.
actor SQLiteWriterGate {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
        let timeout: Task<Void, Never>
    }

    let maximumWait: Duration
    private var held = false
    private var waiters: [Waiter] = []
    private var nextID: UInt64 = 0

    init(maximumWait: Duration) {
        self.maximumWait = maximumWait
    }

    /// Runs `work` as the only writer, waiting (bounded) for the writer before it.
    nonisolated func withWriter<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        do {
            let result = try await work()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async throws {
        guard held else {
            held = true
            return
        }
        nextID += 1
        let id = nextID
        let wait = maximumWait
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let timeout = Task { [weak self] in
                try? await Task.sleep(for: wait)
                guard !Task.isCancelled else { return }
                await self?.giveUp(id)
            }
            waiters.append(Waiter(id: id, continuation: continuation, timeout: timeout))
        }
    }

    /// Hands the writer to the next in line, or frees it.
    private func release() {
        guard !waiters.isEmpty else {
            held = false
            return
        }
        let next = waiters.removeFirst()
        next.timeout.cancel()
        next.continuation.resume()
    }

    private func giveUp(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: SQLiteWriterBusy())
    }
}

/// A write that could not get the database in time: nothing was saved, and the person is told so.
struct SQLiteWriterBusy: AbortError {
    var status: HTTPResponseStatus { .serviceUnavailable }
    var reason: String { "the database is busy with other writes; nothing was saved" }
    var headers: HTTPHeaders { ["Retry-After": "5"] }
}
