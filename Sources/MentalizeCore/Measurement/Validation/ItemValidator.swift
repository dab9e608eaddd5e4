/// Checks the questionnaire part of a definition: linkIds, item types, options and skip logic.
struct ItemValidator {
    let definition: InstrumentDefinition
    let report: (String, String) -> Void

    func validate() {
        var seen = Set<String>()
        walk(definition.items, path: "items", seen: &seen)
    }

    private func walk(_ items: [InstrumentItem], path: String, seen: inout Set<String>) {
        for (index, item) in items.enumerated() {
            let here = "\(path)[\(index)]"
            if item.linkId.isEmpty { report("\(here).linkId", "must not be empty") }
            if !seen.insert(item.linkId).inserted {
                report("\(here).linkId", "duplicate linkId '\(item.linkId)'")
            }
            checkShape(item, path: here)
            for (conditionIndex, condition) in (item.enableWhen ?? []).enumerated() {
                let conditionPath = "\(here).enableWhen[\(conditionIndex)]"
                ConditionValidator(definition: definition, report: report)
                    .validate(condition, path: conditionPath, owner: item.linkId)
                if condition.question != item.linkId, definition.item(linkId: condition.question) != nil,
                   !seen.contains(condition.question) {
                    report("\(conditionPath).question", "must refer to an item that comes earlier")
                }
            }
            if let children = item.items { walk(children, path: "\(here).items", seen: &seen) }
        }
    }

    private func checkShape(_ item: InstrumentItem, path: String) {
        switch item.type {
        case .choice:
            let options = item.answerOptions ?? []
            if options.isEmpty { report("\(path).answerOptions", "a choice item needs answer options") }
            let codes = options.map(\.code)
            if Set(codes).count != codes.count { report("\(path).answerOptions", "answer codes must be unique") }
            if options.contains(where: { $0.code.isEmpty }) {
                report("\(path).answerOptions", "answer codes must not be empty")
            }
        case .integer:
            if item.valueBounds == nil {
                report("\(path).minValue", "an integer item needs minValue <= maxValue")
            }
        case .group:
            if (item.items ?? []).isEmpty { report("\(path).items", "a group needs at least one item") }
        case .display:
            if item.required { report("\(path).required", "a display item cannot be required") }
        }
        if item.type != .choice, item.answerOptions != nil {
            report("\(path).answerOptions", "only choice items have answer options")
        }
        if item.type != .group, item.items != nil {
            report("\(path).items", "only group items have child items")
        }
        if (item.enableWhen ?? []).count > 1, item.enableBehavior == nil {
            report("\(path).enableBehavior", "required when enableWhen has more than one condition")
        }
    }
}

/// Checks one condition (of skip logic or of a risk rule) against the definition's items.
struct ConditionValidator {
    let definition: InstrumentDefinition
    let report: (String, String) -> Void

    func validate(_ condition: AnswerCondition, path: String, owner: String?) {
        guard let target = definition.item(linkId: condition.question) else {
            report("\(path).question", "refers to unknown linkId '\(condition.question)'")
            return
        }
        if !target.isQuestion {
            report("\(path).question", "'\(condition.question)' is a \(target.type.rawValue) item and has no answer")
        }
        if condition.question == owner { report("\(path).question", "an item cannot depend on itself") }
        let given = [condition.answerCode != nil, condition.answerNumber != nil, condition.answerExists != nil]
            .filter { $0 }.count
        if given != 1 {
            report(path, "needs exactly one of answerCode, answerNumber, answerExists")
            return
        }
        switch condition.operator {
        case .exists:
            if condition.answerExists == nil { report("\(path).answerExists", "the exists operator needs answerExists") }
        case .equal, .notEqual:
            if condition.answerExists != nil { report("\(path).answerExists", "only the exists operator takes answerExists") }
        case .greater, .less, .greaterOrEqual, .lessOrEqual:
            if condition.answerNumber == nil {
                report("\(path).answerNumber", "operator \(condition.operator.rawValue) needs answerNumber")
            }
        }
        if let code = condition.answerCode, target.type == .choice, target.option(code: code) == nil {
            report("\(path).answerCode", "'\(code)' is not an answer code of '\(target.linkId)'")
        }
        if condition.answerCode != nil, target.type != .choice {
            report("\(path).answerCode", "answerCode only applies to choice items")
        }
    }
}
