import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The application's idea of "now". It runs with the system clock, or from a chosen start instant
/// (`MENTALIZE_CLOCK_START`, for tests and demonstrations of a given day); tests also move it
/// (session expiry, escalation).
final class AppClock: Sendable {
    private let offset: NIOLockedValueBox<TimeInterval>
    private let frozen: NIOLockedValueBox<Date?>

    /// A clock that reads `start` now and then runs at the system clock's pace; the system clock
    /// itself when `start` is nil.
    init(startingAt start: Date? = nil) {
        offset = NIOLockedValueBox(start?.timeIntervalSinceNow ?? 0)
        frozen = NIOLockedValueBox(nil)
    }

    func now() -> Date { (frozen.withLockedValue { $0 } ?? Date()).addingTimeInterval(offset.withLockedValue { $0 }) }

    /// Moves this clock forward (tests only).
    func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }

    /// Stops this clock at the current instant, so a slow machine cannot let time-based rules
    /// (throttle delays) run out between two steps of a test (tests only).
    func freeze() { frozen.withLockedValue { $0 = Date() } }

    /// Reads an ISO 8601 instant such as `2026-12-24T09:30:00Z` for ``init(startingAt:)``.
    static func startInstant(_ text: String) throws -> Date {
        // Years outside 2000–9999 are refused: stored times (microseconds since 1970) must fit.
        guard let date = try? Date(text, strategy: .iso8601),
              (946_684_800...253_402_300_799).contains(date.timeIntervalSince1970) else {
            throw ConfigurationError("MENTALIZE_CLOCK_START '\(text)' is not an ISO 8601 instant from 2000 to 9999 such as 2026-12-24T09:30:00Z")
        }
        return date
    }
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
