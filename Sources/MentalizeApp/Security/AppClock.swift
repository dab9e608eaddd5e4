import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The application's idea of "now". Tests replace it to move time (session expiry, escalation).
final class AppClock: Sendable {
    private let offset: NIOLockedValueBox<TimeInterval>
    private let frozen: NIOLockedValueBox<Date?>

    init() {
        offset = NIOLockedValueBox(0)
        frozen = NIOLockedValueBox(nil)
    }

    func now() -> Date { (frozen.withLockedValue { $0 } ?? Date()).addingTimeInterval(offset.withLockedValue { $0 }) }

    /// Moves this clock forward (tests only).
    func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }

    /// Stops this clock at the current instant, so a slow machine cannot let time-based rules
    /// (throttle delays) run out between two steps of a test (tests only).
    func freeze() { frozen.withLockedValue { $0 = Date() } }
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
