/// How an instrument is scored: one or more scales (a total, subscales or sector scores).
public struct ScoringRules: Codable, Sendable, Equatable {
    /// id of the scale reported as the instrument's main score (charts, alerts, FHIR total).
    public let primaryScale: String
    public let scales: [ScaleDefinition]

    public init(primaryScale: String, scales: [ScaleDefinition]) {
        self.primaryScale = primaryScale
        self.scales = scales
    }
}

/// One score computed from a set of items.
public struct ScaleDefinition: Codable, Sendable, Equatable {
    public let id: String
    public let title: String
    public let method: ScoringMethod
    /// linkIds of the items that contribute, in order.
    public let items: [String]
    /// Items scored in reverse: value becomes (lowest + highest option value) - value.
    public let reversedItems: [String]?
    /// Value recodings applied to some items before summing or averaging.
    public let recodes: [RecodeTable]?
    public let missing: MissingItemRule
    /// Lowest and highest possible score.
    public let range: ScoreRange
    public let direction: ScoreDirection
    /// Severity bands covering `range` without gaps or overlaps (see `ScoringMethod`).
    public let bands: [SeverityBand]?
    public let caseness: Caseness?
    public let reliableChange: ReliableChangeParameters?
    /// Where the scoring rule, bands and cut-off come from.
    public let source: String

    public init(
        id: String, title: String, method: ScoringMethod, items: [String],
        reversedItems: [String]? = nil, recodes: [RecodeTable]? = nil, missing: MissingItemRule,
        range: ScoreRange, direction: ScoreDirection, bands: [SeverityBand]? = nil,
        caseness: Caseness? = nil, reliableChange: ReliableChangeParameters? = nil, source: String
    ) {
        self.id = id
        self.title = title
        self.method = method
        self.items = items
        self.reversedItems = reversedItems
        self.recodes = recodes
        self.missing = missing
        self.range = range
        self.direction = direction
        self.bands = bands
        self.caseness = caseness
        self.reliableChange = reliableChange
        self.source = source
    }

    /// The band a score falls in. Sum scales use inclusive integer bands (0-4, 5-9);
    /// mean scales use bands that include their lower bound, and the last band its upper bound.
    public func band(for score: Double) -> SeverityBand? {
        guard let bands else { return nil }
        switch method {
        case .sum:
            return bands.first { score >= $0.min && score <= $0.max }
        case .mean:
            return bands.enumerated().first { index, band in
                score >= band.min && (score < band.max || (index == bands.count - 1 && score <= band.max))
            }?.element
        }
    }
}

/// Whether a scale adds or averages its item values.
public enum ScoringMethod: String, Codable, Sendable {
    case sum
    case mean
}

/// Which way is better on a scale; decides whether a reliable change is an improvement.
public enum ScoreDirection: String, Codable, Sendable {
    case lowerIsBetter
    case higherIsBetter
}

/// A recoding of item values, for example RFQ-8's 1→3, 2→2, 3→1, 4…7→0.
public struct RecodeTable: Codable, Sendable, Equatable {
    public let items: [String]
    public let mapping: [RecodeStep]

    public init(items: [String], mapping: [RecodeStep]) {
        self.items = items
        self.mapping = mapping
    }

    /// The recoded value, or nil when the table has no entry for `value`.
    public func recode(_ value: Double) -> Double? {
        mapping.first { $0.from == value }?.to
    }
}

/// One entry of a recode table.
public struct RecodeStep: Codable, Sendable, Equatable {
    public let from: Double
    public let to: Double

    public init(from: Double, to: Double) {
        self.from = from
        self.to = to
    }
}

/// What to do when enabled items of a scale are unanswered.
public struct MissingItemRule: Codable, Sendable, Equatable {
    /// Most unanswered items the scale tolerates; more makes the scale unscorable.
    public let maxMissing: Int
    public let method: MissingItemMethod
    public let source: String?

    public init(maxMissing: Int, method: MissingItemMethod, source: String? = nil) {
        self.maxMissing = maxMissing
        self.method = method
        self.source = source
    }
}

/// How tolerated missing items are handled.
public enum MissingItemMethod: String, Codable, Sendable {
    /// No missing items allowed (`maxMissing` must be 0).
    case none
    /// Sum scales: sum × items / answered, rounded half up. Mean scales: mean of answered items.
    case proRate
}

/// Inclusive bounds of a score.
public struct ScoreRange: Codable, Sendable, Equatable {
    public let min: Double
    public let max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    public func contains(_ value: Double) -> Bool {
        value >= min && value <= max
    }
}

/// A named severity range of a scale.
public struct SeverityBand: Codable, Sendable, Equatable {
    public let label: String
    public let min: Double
    public let max: Double

    public init(label: String, min: Double, max: Double) {
        self.label = label
        self.min = min
        self.max = max
    }
}

/// The clinical cut-off: scores at or beyond `threshold` (in the scale's worse direction)
/// count as a clinical case.
public struct Caseness: Codable, Sendable, Equatable {
    public let threshold: Double
    public let source: String

    public init(threshold: Double, source: String) {
        self.threshold = threshold
        self.source = source
    }

    /// Whether `score` is a case on a scale with this direction.
    public func isCase(_ score: Double, direction: ScoreDirection) -> Bool {
        switch direction {
        case .lowerIsBetter: score >= threshold
        case .higherIsBetter: score <= threshold
        }
    }
}
