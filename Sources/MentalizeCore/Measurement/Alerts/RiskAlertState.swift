public import Foundation

/// The life of a risk alert: open → acknowledged (who, when) → action recorded → resolved.
/// Steps cannot be skipped or repeated; each refusal says which rule it broke.
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

    /// Checks a requested move; returns why it is refused, or nil when allowed.
    public func refusal(moving target: RiskAlertState) -> AlertStepRefusal? {
        if self == target { return .already(target) }
        guard next == target else {
            switch target {
            case .open: return .cannotReopen
            case .acknowledged: return .acknowledgedAlready
            case .actionRecorded: return .acknowledgeFirst
            case .resolved: return .actionFirst
            }
        }
        return nil
    }
}

/// Why an alert cannot take the step asked for.
public enum AlertStepRefusal: Hashable, Sendable {
    case already(RiskAlertState)
    case cannotReopen
    case acknowledgedAlready
    case acknowledgeFirst
    case actionFirst
    /// The stored state is none the core knows.
    case unknownState
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
