/// What the pathway needs to know beyond the current status to judge a move.
public struct PathwayFacts: Hashable, Sendable {
    /// The team's (MDT) suitability decision, if one has been recorded.
    public var suitability: SuitabilityDecision?

    public init(suitability: SuitabilityDecision? = nil) {
        self.suitability = suitability
    }
}

/// The outcome of the assessment team's suitability decision.
public enum SuitabilityDecision: String, Hashable, Codable, Sendable {
    case suitable
    case notSuitable = "not-suitable"
}

/// Why a move was refused (the app words it for the clinician).
public enum TransitionRefusal: Error, Hashable, Sendable {
    case finished(ProgrammeStatus)
    case notANextStep(from: ProgrammePhase, to: ProgrammePhase)
    case needsSuitableDecision(to: ProgrammePhase)
    case needsNotSuitableDecision
    case exitNotPossible(ProgrammeExit, from: ProgrammePhase)
    case unchanged
}

/// The MBT pathway as a state machine: referral → assessment → MBT-I → treatment → ending →
/// follow-up → discharged, plus exits. Pure: the app records who decided, when and why.
public enum ProgrammePathway {
    /// The phases that may follow `phase` (MBT-I may be skipped when a patient has already had it).
    public static func nextPhases(after phase: ProgrammePhase) -> [ProgrammePhase] {
        switch phase {
        case .referral: [.assessment]
        case .assessment: [.mbtIntroductory, .treatment]
        case .mbtIntroductory: [.treatment]
        case .treatment: [.ending]
        case .ending: [.followUp, .discharged]
        case .followUp: [.discharged]
        case .discharged: []
        }
    }

    /// The exits possible during `phase`.
    public static func exits(during phase: ProgrammePhase) -> [ProgrammeExit] {
        switch phase {
        case .referral: [.declined, .transferred]
        case .assessment: [.notSuitable, .declined, .transferred]
        case .mbtIntroductory, .treatment: [.declined, .droppedOut, .transferred]
        case .ending, .followUp: [.droppedOut, .transferred]
        case .discharged: []
        }
    }

    /// Checks a move; throws the reason when it is refused.
    public static func check(from current: ProgrammeStatus, to target: ProgrammeStatus, facts: PathwayFacts) throws(TransitionRefusal) {
        guard current != target else { throw .unchanged }
        guard case .inPhase(let phase) = current, !current.isFinal else { throw .finished(current) }
        switch target {
        case .inPhase(let next):
            guard nextPhases(after: phase).contains(next) else { throw .notANextStep(from: phase, to: next) }
            if next == .mbtIntroductory || (next == .treatment && phase == .assessment), facts.suitability != .suitable {
                throw .needsSuitableDecision(to: next)
            }
        case .exited(let exit):
            guard exits(during: phase).contains(exit) else { throw .exitNotPossible(exit, from: phase) }
            if exit == .notSuitable, facts.suitability != .notSuitable { throw .needsNotSuitableDecision }
        }
    }
}
