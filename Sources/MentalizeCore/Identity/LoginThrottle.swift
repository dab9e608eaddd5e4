public import Foundation

/// Exponential back-off after repeated failures: no delay for the first `freeFailures`, then
/// `baseDelay`, doubling with each further failure, capped at `maximumDelay`.
public struct BackoffSchedule: Hashable, Sendable, Codable {
    public var freeFailures: Int
    public var baseDelay: TimeInterval
    public var maximumDelay: TimeInterval

    public init(freeFailures: Int, baseDelay: TimeInterval = 1, maximumDelay: TimeInterval = 15 * 60) {
        self.freeFailures = freeFailures
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// The delay required after `failures` consecutive failures.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > freeFailures else { return 0 }
        let doublings = min(failures - freeFailures - 1, 60)
        return min(baseDelay * pow(2, Double(doublings)), maximumDelay)
    }

    /// Seconds still to wait at `now` after `failures` failures, the last at `lastFailure` (0 when none).
    /// A last failure stamped slightly after `now` (another node's clock, or a timestamp rounded up
    /// by the database) counts as just now: it never creates a wait where the schedule has none.
    public func remainingWait(failures: Int, lastFailure: Date?, now: Date) -> TimeInterval {
        guard let lastFailure else { return 0 }
        let delay = delay(afterFailures: failures)
        guard delay > 0 else { return 0 }
        return max(0, delay - max(0, now.timeIntervalSince(lastFailure)))
    }
}

/// The sign-in throttle: one schedule per account and one per client address; the longer wait applies.
/// Addresses get more free failures because many users can share one address.
public struct LoginThrottle: Hashable, Sendable, Codable {
    public var perAccount: BackoffSchedule
    public var perAddress: BackoffSchedule

    public init(perAccount: BackoffSchedule = BackoffSchedule(freeFailures: 5),
                perAddress: BackoffSchedule = BackoffSchedule(freeFailures: 20)) {
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// Seconds the next attempt must wait; 0 means it may proceed. Apply the same wait to unknown
    /// account names so that the response does not reveal which accounts exist.
    public func wait(accountFailures: Int, lastAccountFailure: Date?, addressFailures: Int,
                     lastAddressFailure: Date?, now: Date) -> TimeInterval {
        max(perAccount.remainingWait(failures: accountFailures, lastFailure: lastAccountFailure, now: now),
            perAddress.remainingWait(failures: addressFailures, lastFailure: lastAddressFailure, now: now))
    }
}
