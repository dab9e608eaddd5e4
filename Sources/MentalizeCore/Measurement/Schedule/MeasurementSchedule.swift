public import Foundation

/// When a patient's measures fall due, from the plan and the dates their phases started.
/// Pure: the app stores what this returns (one assignment per plan line and due date).
public enum MeasurementSchedule {
    /// A measure that falls due.
    public struct Due: Sendable, Equatable, Hashable {
        public let planItemID: UUID
        public let instrumentId: String
        public let dueAt: Date
    }

    /// Every due date of `plan` within the patient's current phase, from `phaseStart` up to and
    /// including `now`. Nothing is due for a phase the patient is not in.
    public static func due(plan: [MeasurementPlanItem], phase: ProgrammePhase, phaseStart: Date, now: Date) -> [Due] {
        let day: TimeInterval = 86_400
        var due: [Due] = []
        for item in plan where item.phase == phase {
            var offset = item.firstDueDays
            while true {
                let date = phaseStart.addingTimeInterval(TimeInterval(offset) * day)
                if date > now { break }
                due.append(Due(planItemID: item.id, instrumentId: item.instrumentId, dueAt: date))
                guard let step = item.repeatEveryDays, step > 0 else { break }
                offset += step
            }
        }
        return due.sorted { ($0.dueAt, $0.instrumentId) < ($1.dueAt, $1.instrumentId) }
    }
}
