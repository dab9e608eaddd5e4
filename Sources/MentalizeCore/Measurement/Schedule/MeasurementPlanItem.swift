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

    /// The days after the phase starts a line may first fall due.
    public static let firstDueRange = 0...3_650
    /// The days apart a repeating line may fall due.
    public static let repeatRange = 7...365

    /// Why a plan line is unusable (the app words it for the person); nil when it is fine.
    public static func problem(firstDueDays: Int, repeatEveryDays: Int?) -> Problem? {
        if !firstDueRange.contains(firstDueDays) { return .firstDueOutOfRange }
        if let repeatEveryDays, !repeatRange.contains(repeatEveryDays) { return .repeatOutOfRange }
        return nil
    }

    /// What is wrong with a plan line.
    public enum Problem: Sendable, Equatable {
        /// The first time is outside ``firstDueRange``.
        case firstDueOutOfRange
        /// The repeat is outside ``repeatRange``.
        case repeatOutOfRange
    }
}
