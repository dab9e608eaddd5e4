public import Foundation

/// Why a session is no longer valid.
public enum SessionExpiry: Hashable, Sendable {
    case idle
    case absolute
}

/// Session lifetime rules, with `now` passed in: valid while `now - lastSeen < idleTimeout` and
/// `now - createdAt < absoluteTimeout`.
public struct SessionRules: Hashable, Sendable, Codable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    /// Defaults: 30 minutes idle, 12 hours absolute.
    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 60 * 60) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// Nil while the session is valid, otherwise why it expired (absolute wins when both apply).
    public func expiry(createdAt: Date, lastSeen: Date, now: Date) -> SessionExpiry? {
        if now.timeIntervalSince(createdAt) >= absoluteTimeout { return .absolute }
        if now.timeIntervalSince(lastSeen) >= idleTimeout { return .idle }
        return nil
    }

    /// True while the session is valid.
    public func isValid(createdAt: Date, lastSeen: Date, now: Date) -> Bool {
        expiry(createdAt: createdAt, lastSeen: lastSeen, now: now) == nil
    }
}
