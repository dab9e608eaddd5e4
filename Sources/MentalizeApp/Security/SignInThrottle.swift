import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Applies the ``LoginThrottle`` rule (back-off per account and per client address) with failure
/// counters in the database, so every app node sees them. Unknown and known accounts are counted
/// the same way, so the answer reveals nothing.
struct SignInThrottle {
    let database: any Database
    let now: Date
    var rule = LoginThrottle()

    /// The counter subjects for one attempt: the account name and the client address.
    struct Subjects {
        let account: String
        let address: String

        init(username: String, address: String?) {
            self.account = "account:" + username.lowercased()
            self.address = "address:" + (address ?? "unknown")
        }

        var all: [String] { [account, address] }
    }

    /// Seconds to wait before another attempt (0 when allowed).
    func waitTime(for subjects: Subjects) async throws -> TimeInterval {
        let counters = try await ThrottleCounter.query(on: database).filter(\.$subject ~~ subjects.all).all()
        let account = counters.first { $0.subject == subjects.account }
        let address = counters.first { $0.subject == subjects.address }
        return rule.wait(accountFailures: account?.failures ?? 0, lastAccountFailure: account?.lastFailureAt,
                         addressFailures: address?.failures ?? 0, lastAddressFailure: address?.lastFailureAt, now: now)
    }

    func recordFailure(for subjects: Subjects) async throws {
        for subject in subjects.all {
            if let counter = try await ThrottleCounter.query(on: database).filter(\.$subject == subject).first() {
                counter.failures += 1
                counter.lastFailureAt = now
                try await counter.update(on: database)
            } else {
                try await ThrottleCounter(subject: subject, failures: 1, lastFailureAt: now).create(on: database)
            }
        }
    }

    /// A success clears the account's counter (the address keeps its count).
    func recordSuccess(for subjects: Subjects) async throws {
        try await ThrottleCounter.query(on: database).filter(\.$subject == subjects.account).delete()
    }
}
