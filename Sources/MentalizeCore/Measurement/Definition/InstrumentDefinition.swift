/// One questionnaire or rating scale as data. The shape maps one-to-one onto a FHIR R4
/// Questionnaire (items, answer options, enableWhen) plus the scoring, interpretation and
/// risk rules that FHIR leaves to implementers.
public struct InstrumentDefinition: Codable, Sendable, Equatable {
    /// Stable identifier, for example `phq-9`; also the file name without `.json`.
    public let id: String
    public let version: String
    public let title: String
    /// Canonical URL used as `Questionnaire.url`.
    public let url: String
    public let rater: Rater
    /// Copyright and licence notice shown wherever the instrument is shown.
    public let copyright: String
    /// BCP-47 language of the shipped item texts, for example `en`.
    public let language: String
    /// True when the shipped item texts are the verbatim instrument and may be shown to patients;
    /// false when they are placeholders and a clinic must load a licensed text pack.
    public let textsShippable: Bool
    /// Where the items, scoring and thresholds come from.
    public let source: String
    public let loinc: InstrumentLoincCodes?
    public let items: [InstrumentItem]
    public let scoring: ScoringRules?
    public let riskRules: [RiskRule]

    public init(
        id: String, version: String, title: String, url: String, rater: Rater, copyright: String,
        language: String, textsShippable: Bool, source: String, loinc: InstrumentLoincCodes?,
        items: [InstrumentItem], scoring: ScoringRules?, riskRules: [RiskRule]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.url = url
        self.rater = rater
        self.copyright = copyright
        self.language = language
        self.textsShippable = textsShippable
        self.source = source
        self.loinc = loinc
        self.items = items
        self.scoring = scoring
        self.riskRules = riskRules
    }

    /// Every item, depth first, including the children of groups.
    public var allItems: [InstrumentItem] {
        items.flatMap { $0.selfAndDescendants }
    }

    /// The item with this linkId, searching groups too.
    public func item(linkId: String) -> InstrumentItem? {
        allItems.first { $0.linkId == linkId }
    }

    /// The scale with this id, if the instrument is scored.
    public func scale(id: String) -> ScaleDefinition? {
        scoring?.scales.first { $0.id == id }
    }
}

/// Who completes the instrument.
public enum Rater: String, Codable, Sendable, CaseIterable {
    case `self`
    case clinician
}

/// LOINC codes of a questionnaire panel and its total score, where they exist.
public struct InstrumentLoincCodes: Codable, Sendable, Equatable {
    /// The panel code, used as `Questionnaire.code`.
    public let questionnaire: String?
    /// The total-score code, used as the score `Observation.code`.
    public let totalScore: String?

    public init(questionnaire: String?, totalScore: String?) {
        self.questionnaire = questionnaire
        self.totalScore = totalScore
    }
}
