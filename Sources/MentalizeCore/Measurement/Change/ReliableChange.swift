/// Reliable and clinically significant change (Jacobson & Truax 1991) between two scored
/// administrations of the same instrument.
public enum ReliableChange {
    /// Compares `before` and `after` on one scale (the primary scale when `scaleId` is nil).
    public static func compare(
        _ definition: InstrumentDefinition, scaleId: String? = nil, from before: ScoreResult, to after: ScoreResult
    ) throws -> ChangeAssessment {
        guard let id = scaleId ?? definition.scoring?.primaryScale, let scale = definition.scale(id: id) else {
            throw ReliableChangeError.unknownScale(instrument: definition.id, scale: scaleId ?? "(primary)")
        }
        for result in [before, after] where result.instrumentId != definition.id {
            throw ReliableChangeError.differentInstrument(expected: definition.id, found: result.instrumentId)
        }
        guard let first = before.scale(id), let second = after.scale(id) else {
            throw ReliableChangeError.unknownScale(instrument: definition.id, scale: id)
        }
        guard let (threshold, kind) = scale.reliableChange?.effectiveThreshold else {
            throw ReliableChangeError.noParameters(instrument: definition.id, scale: id)
        }
        let delta = second.value - first.value
        let reliable = kind == .published ? abs(delta) >= threshold : abs(delta) > threshold
        let improvement = scale.direction == .lowerIsBetter ? -delta : delta
        let outcome: ChangeOutcome
        if !reliable {
            outcome = .noReliableChange
        } else if improvement > 0 {
            outcome = first.isCase == true && second.isCase == false ? .recovered : .improved
        } else {
            outcome = .deteriorated
        }
        return ChangeAssessment(
            scaleId: id, before: first.value, after: second.value, delta: delta,
            threshold: threshold, thresholdKind: kind, direction: scale.direction, outcome: outcome
        )
    }
}

/// The change between two administrations and what it means.
public struct ChangeAssessment: Sendable, Equatable, Codable {
    public let scaleId: String
    public let before: Double
    public let after: Double
    /// after − before.
    public let delta: Double
    public let threshold: Double
    public let thresholdKind: ReliableChangeThresholdKind
    public let direction: ScoreDirection
    public let outcome: ChangeOutcome

    public init(
        scaleId: String, before: Double, after: Double, delta: Double, threshold: Double,
        thresholdKind: ReliableChangeThresholdKind, direction: ScoreDirection, outcome: ChangeOutcome
    ) {
        self.scaleId = scaleId
        self.before = before
        self.after = after
        self.delta = delta
        self.threshold = threshold
        self.thresholdKind = thresholdKind
        self.direction = direction
        self.outcome = outcome
    }
}

/// Jacobson–Truax classification of a change.
public enum ChangeOutcome: String, Sendable, Equatable, Codable {
    /// Reliable improvement that also moved the score from case to non-case.
    case recovered
    /// Reliable improvement.
    case improved
    /// Change within measurement error.
    case noReliableChange
    /// Reliable worsening.
    case deteriorated
}

/// Why two results cannot be compared.
public enum ReliableChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownScale(instrument: String, scale: String)
    case differentInstrument(expected: String, found: String)
    case noParameters(instrument: String, scale: String)

    public var description: String {
        switch self {
        case let .unknownScale(instrument, scale):
            "Scale '\(scale)' is not scored for instrument '\(instrument)'."
        case let .differentInstrument(expected, found):
            "Cannot compare a '\(found)' result with instrument '\(expected)'."
        case let .noParameters(instrument, scale):
            "Instrument '\(instrument)' has no reliable-change parameters for scale '\(scale)'."
        }
    }
}
