/// The smallest change on a scale that exceeds measurement error: either a published
/// threshold, or reliability and standard deviation from which the Jacobson–Truax
/// threshold 1.96 × SD × √2 × √(1 − r) is computed.
public struct ReliableChangeParameters: Codable, Sendable, Equatable {
    /// Published threshold; a change of at least this size is reliable.
    public let threshold: Double?
    /// Reliability (test–retest preferred, or Cronbach's α), strictly between 0 and 1.
    public let reliability: Double?
    /// Standard deviation of the reference (usually pre-treatment clinical) sample.
    public let standardDeviation: Double?
    public let source: String

    public init(threshold: Double?, reliability: Double?, standardDeviation: Double?, source: String) {
        self.threshold = threshold
        self.reliability = reliability
        self.standardDeviation = standardDeviation
        self.source = source
    }

    /// The threshold to apply and how it was obtained, or nil when the parameters are incomplete.
    public var effectiveThreshold: (value: Double, kind: ReliableChangeThresholdKind)? {
        if let threshold { return (threshold, .published) }
        guard let reliability, let standardDeviation, reliability > 0, reliability < 1,
              standardDeviation > 0 else { return nil }
        let standardError = standardDeviation * (1 - reliability).squareRoot()
        return (1.96 * standardError * 2.0.squareRoot(), .jacobsonTruax)
    }
}

/// Whether a reliable-change threshold was published or computed.
public enum ReliableChangeThresholdKind: String, Codable, Sendable {
    /// A fixed threshold from the literature; changes of at least this size count.
    case published
    /// Computed from reliability and SD; changes strictly above it count (|RCI| > 1.96).
    case jacobsonTruax
}
