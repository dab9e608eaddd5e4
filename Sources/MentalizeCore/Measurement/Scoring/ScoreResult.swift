/// The outcome of scoring one administration of an instrument.
public struct ScoreResult: Sendable, Equatable, Codable {
    public let instrumentId: String
    public let instrumentVersion: String
    /// One score per scale, in the definition's order; empty for unscored instruments.
    public let scales: [ScaleScore]
    /// linkIds of the questions that were asked (enabled by skip logic).
    public let enabledItems: [String]
    /// Risk rules that matched, and the highest triage level among them.
    public let risk: RiskAssessment

    /// id of the definition's primary scale.
    public let primaryScaleId: String?

    public init(
        instrumentId: String, instrumentVersion: String, scales: [ScaleScore], enabledItems: [String],
        risk: RiskAssessment, primaryScaleId: String?
    ) {
        self.instrumentId = instrumentId
        self.instrumentVersion = instrumentVersion
        self.scales = scales
        self.enabledItems = enabledItems
        self.risk = risk
        self.primaryScaleId = primaryScaleId
    }

    /// The score of the definition's primary scale.
    public var primary: ScaleScore? {
        scales.first { $0.scaleId == primaryScaleId }
    }

    public func scale(_ id: String) -> ScaleScore? {
        scales.first { $0.scaleId == id }
    }
}

/// The score of one scale.
public struct ScaleScore: Sendable, Equatable, Codable {
    public let scaleId: String
    public let value: Double
    /// Scale items that were asked but not answered.
    public let missingItems: [String]
    /// True when missing items were compensated by pro-rating.
    public let proRated: Bool
    public let band: SeverityBand?
    /// Whether the score meets the caseness cut-off; nil when the scale has none.
    public let isCase: Bool?

    public init(scaleId: String, value: Double, missingItems: [String], proRated: Bool, band: SeverityBand?, isCase: Bool?) {
        self.scaleId = scaleId
        self.value = value
        self.missingItems = missingItems
        self.proRated = proRated
        self.band = band
        self.isCase = isCase
    }
}

/// Risk rules matched by a response.
public struct RiskAssessment: Sendable, Equatable, Codable {
    /// ids of the matched rules.
    public let matchedRules: [String]
    /// The highest level among the matched rules; nil when none matched.
    public let level: RiskLevel?
    /// Whether any matched rule asks for clinicians to be alerted.
    public let requiresAlert: Bool

    public init(matchedRules: [String], level: RiskLevel?, requiresAlert: Bool) {
        self.matchedRules = matchedRules
        self.level = level
        self.requiresAlert = requiresAlert
    }
}
