import Fluent
import Foundation
import Vapor

/// Slows down password guessing per account and per client address, with counters in the database
/// so every app node sees them. The rule: the first five failures cost nothing; after that each
/// further attempt must wait 2^(failures - 5) seconds, at most 15 minutes. Unknown and known
/// accounts are counted the same way, so the answer reveals nothing.
struct SignInThrottle {
    let database: any Database
    let now: Date

    static let freeFailures = 5
    static let maxDelay: TimeInterval = 15 * 60

    static func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        return min(maxDelay, pow(2, Double(min(failures - freeFailures, 20))))
    }

    /// Seconds to wait before another attempt for these subjects (0 when allowed).
    func waitTime(for subjects: [String]) async throws -> TimeInterval {
        let counters = try await ThrottleCounter.query(on: database).filter(\.$subject ~~ subjects).all()
        return counters.map { counter in
            max(0, counter.lastFailureAt.addingTimeInterval(Self.delay(afterFailures: counter.failures)).timeIntervalSince(now))
        }.max() ?? 0
    }

    func recordFailure(for subjects: [String]) async throws {
        for subject in subjects {
            if let counter = try await ThrottleCounter.query(on: database).filter(\.$subject == subject).first() {
                counter.failures += 1
                counter.lastFailureAt = now
                try await counter.update(on: database)
            } else {
                try await ThrottleCounter(subject: subject, failures: 1, lastFailureAt: now).create(on: database)
            }
        }
    }

    func reset(_ subject: String) async throws {
        try await ThrottleCounter.query(on: database).filter(\.$subject == subject).delete()
    }

    static func subjects(username: String, address: String?) -> [String] {
        ["account:" + username.lowercased(), "address:" + (address ?? "unknown")]
    }
}
