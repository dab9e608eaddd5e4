/// One `Questionnaire.item`: a question, a display text or a group of items.
public struct InstrumentItem: Codable, Sendable, Equatable {
    public let linkId: String
    public let type: ItemType
    /// Item text in the definition's language; a placeholder when texts are not shippable.
    public let text: String
    /// Whether an enabled item must be answered before the response can be scored.
    public let required: Bool
    /// LOINC code of the item, where one exists.
    public let loinc: String?
    /// Allowed answers of a `choice` item, each with its ordinal value.
    public let answerOptions: [AnswerOption]?
    /// Inclusive bounds of an `integer` item.
    public let minValue: Int?
    public let maxValue: Int?
    /// Skip logic: the item is asked only when these conditions hold.
    public let enableWhen: [AnswerCondition]?
    public let enableBehavior: ConditionBehavior?
    /// Children of a `group` item.
    public let items: [InstrumentItem]?

    public init(
        linkId: String, type: ItemType, text: String, required: Bool = false, loinc: String? = nil,
        answerOptions: [AnswerOption]? = nil, minValue: Int? = nil, maxValue: Int? = nil,
        enableWhen: [AnswerCondition]? = nil, enableBehavior: ConditionBehavior? = nil,
        items: [InstrumentItem]? = nil
    ) {
        self.linkId = linkId
        self.type = type
        self.text = text
        self.required = required
        self.loinc = loinc
        self.answerOptions = answerOptions
        self.minValue = minValue
        self.maxValue = maxValue
        self.enableWhen = enableWhen
        self.enableBehavior = enableBehavior
        self.items = items
    }

    /// This item followed by all items nested inside it.
    public var selfAndDescendants: [InstrumentItem] {
        [self] + (items ?? []).flatMap { $0.selfAndDescendants }
    }

    /// Whether the item takes an answer (display and group items do not).
    public var isQuestion: Bool {
        type == .choice || type == .integer
    }

    /// The answer option with this code.
    public func option(code: String) -> AnswerOption? {
        answerOptions?.first { $0.code == code }
    }

    /// Lowest and highest value an answer to this item can carry, before any scale transform.
    public var valueBounds: ClosedRange<Double>? {
        switch type {
        case .choice:
            let values = (answerOptions ?? []).map(\.value)
            guard let low = values.min(), let high = values.max() else { return nil }
            return low...high
        case .integer:
            guard let low = minValue, let high = maxValue, low <= high else { return nil }
            return Double(low)...Double(high)
        case .display, .group:
            return nil
        }
    }
}

/// The FHIR R4 item types the platform uses.
public enum ItemType: String, Codable, Sendable, CaseIterable {
    case choice
    case integer
    case display
    case group
}

/// One allowed answer of a choice item (`Questionnaire.item.answerOption`) with its
/// ordinal value (the R4 `ordinalValue` extension).
public struct AnswerOption: Codable, Sendable, Equatable {
    public let code: String
    public let display: String
    public let value: Double
    /// LOINC answer code (LA...), where one exists.
    public let loinc: String?

    public init(code: String, display: String, value: Double, loinc: String? = nil) {
        self.code = code
        self.display = display
        self.value = value
        self.loinc = loinc
    }
}
