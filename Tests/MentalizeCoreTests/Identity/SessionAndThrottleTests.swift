import Foundation
import MentalizeCore
import Testing

/// Session timeouts and sign-in back-off, with an injected clock.
struct SessionAndThrottleTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a session is valid until 30 minutes idle or 12 hours old, whichever comes first")
    func sessionTimeouts() {
        // setup
        let rules = SessionRules()
        let minute: TimeInterval = 60
        func expiry(lastSeenAfter seen: TimeInterval, nowAfter now: TimeInterval) -> SessionExpiry? {
            rules.expiry(createdAt: Self.created, lastSeen: Self.created.addingTimeInterval(seen),
                         now: Self.created.addingTimeInterval(now))
        }
        // verify
        #expect(expiry(lastSeenAfter: 0, nowAfter: 30 * minute - 1) == nil)
        #expect(expiry(lastSeenAfter: 0, nowAfter: 30 * minute) == .idle)
        #expect(expiry(lastSeenAfter: 12 * 60 * minute - 60, nowAfter: 12 * 60 * minute - 1) == nil)
        #expect(expiry(lastSeenAfter: 12 * 60 * minute - 60, nowAfter: 12 * 60 * minute) == .absolute)
        #expect(expiry(lastSeenAfter: 0, nowAfter: 13 * 60 * minute) == .absolute)
        #expect(rules.isValid(createdAt: Self.created, lastSeen: Self.created, now: Self.created))
    }

    @Test("timeouts are configurable")
    func configurableTimeouts() {
        let rules = SessionRules(idleTimeout: 15 * 60, absoluteTimeout: 3600)
        #expect(!rules.isValid(createdAt: Self.created, lastSeen: Self.created, now: Self.created.addingTimeInterval(15 * 60)))
        #expect(rules.isValid(createdAt: Self.created, lastSeen: Self.created, now: Self.created.addingTimeInterval(15 * 60 - 1)))
    }

    static let backoffTable: [(failures: Int, delay: TimeInterval)] = [
        (0, 0), (5, 0), (6, 1), (7, 2), (8, 4), (10, 16), (15, 512), (16, 900), (1_000, 900), (Int.max, 900),
    ]

    @Test("no delay for the first five failures, then 1 s doubling, capped", arguments: backoffTable)
    func accountBackoff(failures: Int, delay: TimeInterval) {
        #expect(BackoffSchedule(freeFailures: 5).delay(afterFailures: failures) == delay)
    }

    @Test("the remaining wait shrinks with time since the last failure")
    func remainingWait() {
        let schedule = BackoffSchedule(freeFailures: 5)
        let last = Self.created
        #expect(schedule.remainingWait(failures: 8, lastFailure: last, now: last.addingTimeInterval(1)) == 3)
        #expect(schedule.remainingWait(failures: 8, lastFailure: last, now: last.addingTimeInterval(10)) == 0)
        #expect(schedule.remainingWait(failures: 8, lastFailure: nil, now: last) == 0)
    }

    @Test("a last failure stamped a moment after now neither creates nor lengthens a wait")
    func futureStampedFailure() {
        let schedule = BackoffSchedule(freeFailures: 5)
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(schedule.remainingWait(failures: 1, lastFailure: now.addingTimeInterval(0.001), now: now) == 0)
        #expect(schedule.remainingWait(failures: 6, lastFailure: now.addingTimeInterval(0.5), now: now) == 1)
    }

    @Test("the throttle applies the longer of the account and address waits")
    func combinedThrottle() {
        let throttle = LoginThrottle()
        let now = Self.created
        #expect(throttle.wait(accountFailures: 7, lastAccountFailure: now, addressFailures: 0, lastAddressFailure: nil, now: now) == 2)
        #expect(throttle.wait(accountFailures: 0, lastAccountFailure: nil, addressFailures: 20, lastAddressFailure: now, now: now) == 0)
        #expect(throttle.wait(accountFailures: 7, lastAccountFailure: now, addressFailures: 24, lastAddressFailure: now, now: now) == 8)
    }
}
