import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The application's idea of "now". Tests replace it to move time (session expiry, escalation).
final class AppClock: Sendable {
    private let offset: NIOLockedValueBox<TimeInterval>

    init() { offset = NIOLockedValueBox(0) }

    func now() -> Date { Date().addingTimeInterval(offset.withLockedValue { $0 }) }

    /// Moves this clock forward (tests only).
    func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }
}

struct AppClockKey: StorageKey {
    typealias Value = AppClock
}

extension Application {
    /// The clock every time-dependent rule reads.
    var clock: AppClock {
        if let existing = storage[AppClockKey.self] { return existing }
        let clock = AppClock()
        storage[AppClockKey.self] = clock
        return clock
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
