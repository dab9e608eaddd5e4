/// The prementalizing modes the analyzer looks for.
public enum PrementalizingMode: String, Codable, Sendable, CaseIterable {
    case psychicEquivalence, teleological, pretend
}

/// Graded strength of a signal, from its 0–1 value.
public enum SignalLevel: String, Codable, Sendable, Comparable {
    case none, weak, moderate, strong

    init(strength: Double) {
        switch strength {
        case ..<0.15: self = .none
        case ..<0.4: self = .weak
        case ..<0.7: self = .moderate
        default: self = .strong
        }
    }

    private var rank: Int { [.none, .weak, .moderate, .strong].firstIndex(of: self) ?? 0 }
    public static func < (lhs: SignalLevel, rhs: SignalLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A signal of one prementalizing mode: its strength (0–1) and the spans that raised or lowered it.
public struct ModeSignal: Codable, Sendable, Equatable {
    public var mode: PrementalizingMode
    public var strength: Double
    public var level: SignalLevel
    /// Rule id → number of times it fired (counter-evidence rules included).
    public var ruleCounts: [String: Int]
    public var evidence: [EvidenceSpan]
}
