/// The ways a patient can leave the MBT pathway before discharge. Stored as its raw value.
public enum ProgrammeExit: String, CaseIterable, Codable, Sendable {
    case notSuitable = "not-suitable"
    case declined
    case droppedOut = "dropped-out"
    case transferred
}

/// Where a programme stands: in a phase, or left the pathway through an exit.
public enum ProgrammeStatus: Hashable, Codable, Sendable {
    case inPhase(ProgrammePhase)
    case exited(ProgrammeExit)

    /// Every status, for exhaustive checks.
    public static var all: [ProgrammeStatus] {
        ProgrammePhase.allCases.map(ProgrammeStatus.inPhase) + ProgrammeExit.allCases.map(ProgrammeStatus.exited)
    }

    /// True once the programme can no longer move (discharged or exited).
    public var isFinal: Bool {
        switch self {
        case .inPhase(let phase): phase == .discharged
        case .exited: true
        }
    }
}

extension ProgrammeStatus {
    /// How the status is stored: the phase's raw value, or `exited:` and the exit's raw value.
    public var storageValue: String {
        switch self {
        case .inPhase(let phase): phase.rawValue
        case .exited(let exit): "exited:" + exit.rawValue
        }
    }

    /// Reads a stored status; nil for anything unknown.
    public init?(storageValue: String) {
        if storageValue.hasPrefix("exited:") {
            guard let exit = ProgrammeExit(rawValue: String(storageValue.dropFirst("exited:".count))) else { return nil }
            self = .exited(exit)
        } else {
            guard let phase = ProgrammePhase(rawValue: storageValue) else { return nil }
            self = .inPhase(phase)
        }
    }
}
