public import Foundation

/// The life of a risk alert: open → acknowledged (who, when) → action recorded → resolved.
/// Steps cannot be skipped or repeated; each refusal carries a reason a clinician can read.
public enum RiskAlertState: String, Sendable, Codable, CaseIterable {
    case open
    case acknowledged
    case actionRecorded = "action-recorded"
    case resolved

    /// The step that follows, or nil once resolved.
    public var next: RiskAlertState? {
        switch self {
        case .open: .acknowledged
        case .acknowledged: .actionRecorded
        case .actionRecorded: .resolved
        case .resolved: nil
        }
    }

    /// Checks a requested move; returns the reason it is refused, or nil when allowed.
    public func refusal(moving target: RiskAlertState) -> String? {
        if self == target { return "This alert is already \(target.words)." }
        guard next == target else {
            switch target {
            case .open: return "An alert cannot be reopened."
            case .acknowledged: return "This alert was acknowledged already."
            case .actionRecorded: return "Acknowledge the alert before recording an action."
            case .resolved: return "Record the action taken before resolving the alert."
            }
        }
        return nil
    }

    public var words: String {
        switch self {
        case .open: "open"
        case .acknowledged: "acknowledged"
        case .actionRecorded: "action recorded"
        case .resolved: "resolved"
        }
    }
}

/// When an open alert goes up to the programme lead: not acknowledged within `after`.
public struct AlertEscalationRule: Sendable, Equatable {
    public let after: TimeInterval

    public init(after: TimeInterval) {
        self.after = after
    }

    /// Whether an alert raised at `raisedAt`, now in `state`, should escalate at `now`.
    public func shouldEscalate(state: RiskAlertState, raisedAt: Date, alreadyEscalated: Bool, now: Date) -> Bool {
        state == .open && !alreadyEscalated && now.timeIntervalSince(raisedAt) >= after
    }

    /// The moment before which nothing raised can escalate (for a range query).
    public func cutoff(now: Date) -> Date { now.addingTimeInterval(-after) }
}
