public import Foundation

/// One line of a programme's measurement plan: an instrument given during a phase, first
/// `firstDueDays` after the phase starts and then every `repeatEveryDays` while the phase lasts
/// (once only when `repeatEveryDays` is nil). "At 6 and 12 months of follow-up" is two lines.
public struct MeasurementPlanItem: Sendable, Equatable, Codable, Hashable {
    public let id: UUID
    public let phase: ProgrammePhase
    public let instrumentId: String
    public let firstDueDays: Int
    public let repeatEveryDays: Int?

    public init(id: UUID, phase: ProgrammePhase, instrumentId: String, firstDueDays: Int, repeatEveryDays: Int?) {
        self.id = id
        self.phase = phase
        self.instrumentId = instrumentId
        self.firstDueDays = firstDueDays
        self.repeatEveryDays = repeatEveryDays
    }

    /// Why a plan line is unusable, as a person would read it; nil when it is fine.
    public static func problem(firstDueDays: Int, repeatEveryDays: Int?) -> String? {
        if firstDueDays < 0 || firstDueDays > 3_650 { return "The first time must be between 0 and 3650 days after the phase starts." }
        if let repeatEveryDays, repeatEveryDays < 7 || repeatEveryDays > 365 { return "Repeats must be between 7 and 365 days apart." }
        return nil
    }
}
