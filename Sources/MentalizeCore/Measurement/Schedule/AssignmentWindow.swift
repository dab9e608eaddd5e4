public import Foundation

/// Where an assignment stands: due from its due date, overdue after `overdueAfterDays`, and
/// expired (no longer offered) after `expireAfterDays`. Completed and cancelled ones are final.
public struct AssignmentWindow: Sendable, Equatable {
    public let overdueAfterDays: Int
    public let expireAfterDays: Int

    public init(overdueAfterDays: Int = 7, expireAfterDays: Int = 28) {
        self.overdueAfterDays = overdueAfterDays
        self.expireAfterDays = max(expireAfterDays, overdueAfterDays)
    }

    public func status(dueAt: Date, now: Date, completed: Bool, cancelled: Bool = false) -> AssignmentStatus {
        if completed { return .completed }
        if cancelled { return .cancelled }
        let age = now.timeIntervalSince(dueAt)
        if age < 0 { return .upcoming }
        if age >= TimeInterval(expireAfterDays) * 86_400 { return .expired }
        if age >= TimeInterval(overdueAfterDays) * 86_400 { return .overdue }
        return .due
    }
}

/// The state of one assigned measure.
public enum AssignmentStatus: String, Sendable, Codable, CaseIterable {
    case upcoming, due, overdue, expired, completed, cancelled

    /// Whether the patient (or staff on their behalf) can still fill it in.
    public var isOpen: Bool { self == .due || self == .overdue }
}
