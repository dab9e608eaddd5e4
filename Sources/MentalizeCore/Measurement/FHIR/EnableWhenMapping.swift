/// Translates an item's skip logic into R4 `enableWhen` entries with the same meaning.
///
/// The definition format compares a choice by its ordinal value and treats a condition on an
/// unanswered item as false. R4 compares a choice answer as a Coding and only with `=` or `!=`,
/// and its `!=` also holds when the item is unanswered. So each condition on a choice item is
/// rewritten over the options it accepts: as alternatives (`=` each accepted option), joined
/// with `any`, or as requirements (`exists` plus `!=` each rejected option), joined with `all`.
enum EnableWhenMapping {
    /// The `enableWhen` entries and, when there are several, the `enableBehavior`.
    static func map(_ item: InstrumentItem, in definition: InstrumentDefinition) -> (entries: [FHIRJSON], behavior: String?) {
        guard let conditions = item.enableWhen, !conditions.isEmpty else { return ([], nil) }
        let forms = conditions.map { ConditionForms($0, definition: definition) }
        let chosen: (entries: [FHIRJSON], behavior: ConditionBehavior)
        if let only = forms.first, forms.count == 1 {
            let useAlternatives = !only.alternatives.isEmpty && only.alternatives.count <= only.requirements.count
            chosen = useAlternatives ? (only.alternatives, .any) : (only.requirements, .all)
        } else if item.enableBehavior == .any {
            let alternatives = forms.flatMap(\.alternatives)
            // No alternative at all means "never enabled", which the first condition's requirements say.
            chosen = alternatives.isEmpty ? (forms.first?.requirements ?? [], .all) : (alternatives, .any)
        } else {
            chosen = (forms.flatMap(\.requirements), .all)
        }
        let entries = chosen.entries.reduce(into: [FHIRJSON]()) { unique, entry in
            if !unique.contains(entry) { unique.append(entry) }
        }
        return (entries, entries.count > 1 ? chosen.behavior.rawValue : nil)
    }
}

/// One condition written both ways: entries whose disjunction, and entries whose conjunction,
/// hold exactly when the condition holds.
private struct ConditionForms {
    var alternatives: [FHIRJSON] = []
    var requirements: [FHIRJSON] = []

    init(_ condition: AnswerCondition, definition: InstrumentDefinition) {
        let question = condition.question
        let answered = Self.entry(question, "exists", "answerBoolean", .bool(true))
        let never = [answered, Self.entry(question, "exists", "answerBoolean", .bool(false))]
        guard let item = definition.item(linkId: question) else {
            requirements = never
            return
        }
        if condition.operator == .exists {
            let entry = Self.entry(question, "exists", "answerBoolean", .bool(condition.answerExists ?? true))
            (alternatives, requirements) = ([entry], [entry])
            return
        }
        switch item.type {
        case .choice:
            let evaluator = { (option: AnswerOption) in
                ConditionEvaluator(definition: definition, answers: [question: .code(option.code)]).holds(condition)
            }
            let options = item.answerOptions ?? []
            let coding = { (option: AnswerOption) in FHIRTerminology.coding(of: option, item: item, in: definition) }
            let accepted = options.filter(evaluator)
            let rejected = options.filter { !evaluator($0) }
            alternatives = accepted.map { Self.entry(question, "=", "answerCoding", coding($0)) }
            if accepted.isEmpty {
                requirements = never
            } else if accepted.count == 1 {
                requirements = alternatives
            } else {
                requirements = [answered] + rejected.map { Self.entry(question, "!=", "answerCoding", coding($0)) }
            }
        case .integer:
            (alternatives, requirements) = Self.integerForms(condition, answered: answered, never: never)
        case .display, .group:
            requirements = never
        }
    }

    /// Integer answers: compared with `answerInteger`; a fractional bound is rounded to the
    /// equivalent whole bound, and `!=` excludes the unanswered case explicitly.
    private static func integerForms(
        _ condition: AnswerCondition, answered: FHIRJSON, never: [FHIRJSON]
    ) -> ([FHIRJSON], [FHIRJSON]) {
        guard let number = condition.answerNumber else { return ([], never) }
        let question = condition.question
        let whole = number.rounded() == number
        func compare(_ op: String, _ value: Double) -> FHIRJSON? {
            guard let integer = Int(exactly: value) else { return nil }
            return entry(question, op, "answerInteger", .integer(integer))
        }
        let single: FHIRJSON?
        switch condition.operator {
        case .equal:
            single = whole ? compare("=", number) : nil
        case .notEqual:
            guard whole, let less = compare("<", number), let greater = compare(">", number),
                  let unequal = compare("!=", number) else {
                return ([answered], [answered])
            }
            return ([less, greater], [answered, unequal])
        case .greater: single = compare(">", number.rounded(.down))
        case .greaterOrEqual: single = compare(">=", number.rounded(.up))
        case .less: single = compare("<", number.rounded(.up))
        case .lessOrEqual: single = compare("<=", number.rounded(.down))
        case .exists: single = nil
        }
        guard let single else { return ([], never) }
        return ([single], [single])
    }

    private static func entry(_ question: String, _ op: String, _ answerKey: String, _ answer: FHIRJSON) -> FHIRJSON {
        ["question": .string(question), "operator": .string(op), answerKey: answer]
    }
}
