/// Where a person filling in a questionnaire is: the questions asked (after skip logic, in
/// order), the first unanswered one, and how far along they are. Answers to questions that skip
/// logic has since disabled are dropped, so a changed answer never leaves stale ones behind.
public struct ResponseProgress: Sendable, Equatable {
    /// Questions enabled by the answers so far, in the definition's order.
    public let questions: [InstrumentItem]
    /// Answers to enabled questions only.
    public let answers: [String: ItemAnswer]

    public init(definition: InstrumentDefinition, answers: [String: ItemAnswer]) {
        var kept = answers
        var enabled: [InstrumentItem] = []
        // Skip logic only looks backwards, so one pass in order settles every item.
        for item in definition.allItems where item.isQuestion {
            if SkipLogic(definition: definition, answers: kept).enabledLinkIds().contains(item.linkId) {
                enabled.append(item)
            } else {
                kept[item.linkId] = nil
            }
        }
        questions = enabled
        self.answers = kept.filter { key, _ in enabled.contains { $0.linkId == key } }
    }

    /// The first enabled question without an answer.
    public var nextUnanswered: InstrumentItem? {
        questions.first { answers[$0.linkId] == nil }
    }

    /// 1-based position of a question among those asked.
    public func position(of linkId: String) -> Int? {
        questions.firstIndex { $0.linkId == linkId }.map { $0 + 1 }
    }

    public var answeredCount: Int { questions.filter { answers[$0.linkId] != nil }.count }

    /// The question after `linkId`, if any.
    public func question(after linkId: String) -> InstrumentItem? {
        guard let index = questions.firstIndex(where: { $0.linkId == linkId }), index + 1 < questions.count else { return nil }
        return questions[index + 1]
    }

    /// The question before `linkId`, if any.
    public func question(before linkId: String) -> InstrumentItem? {
        guard let index = questions.firstIndex(where: { $0.linkId == linkId }), index > 0 else { return nil }
        return questions[index - 1]
    }

    /// Required questions still unanswered.
    public var missingRequired: [InstrumentItem] {
        questions.filter { $0.required && answers[$0.linkId] == nil }
    }
}
