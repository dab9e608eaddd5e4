/// Validates a decoded instrument definition and lists every problem with its field path.
public enum DefinitionValidator {
    /// All problems in `definition`; empty when it is valid. `file` names the source in messages.
    public static func issues(in definition: InstrumentDefinition, file: String) -> [DefinitionIssue] {
        var found: [DefinitionIssue] = []
        let report = { (path: String, message: String) in
            found.append(DefinitionIssue(file: file, path: path, message: message))
        }
        let required: [(String, String)] = [
            ("id", definition.id), ("version", definition.version), ("title", definition.title),
            ("url", definition.url), ("copyright", definition.copyright),
            ("language", definition.language), ("source", definition.source),
        ]
        for (field, value) in required where value.isEmpty { report(field, "must not be empty") }
        if definition.items.isEmpty { report("items", "an instrument needs at least one item") }
        ItemValidator(definition: definition, report: report).validate()
        if let scoring = definition.scoring { validateScoring(scoring, definition: definition, report: report) }
        validateRiskRules(definition, report: report)
        return found
    }

    private static func validateScoring(
        _ scoring: ScoringRules, definition: InstrumentDefinition, report: @escaping (String, String) -> Void
    ) {
        if scoring.scales.isEmpty { report("scoring.scales", "must list at least one scale") }
        let ids = scoring.scales.map(\.id)
        if Set(ids).count != ids.count { report("scoring.scales", "scale ids must be unique") }
        if !ids.contains(scoring.primaryScale) {
            report("scoring.primaryScale", "'\(scoring.primaryScale)' is not a scale id")
        }
        for (index, scale) in scoring.scales.enumerated() {
            ScaleValidator(definition: definition, scale: scale, path: "scoring.scales[\(index)]", report: report)
                .validate()
        }
    }

    private static func validateRiskRules(_ definition: InstrumentDefinition, report: @escaping (String, String) -> Void) {
        let ids = definition.riskRules.map(\.id)
        if Set(ids).count != ids.count { report("riskRules", "rule ids must be unique") }
        for (index, rule) in definition.riskRules.enumerated() {
            let path = "riskRules[\(index)]"
            if rule.id.isEmpty { report("\(path).id", "must not be empty") }
            if rule.conditions.isEmpty { report("\(path).conditions", "a rule needs at least one condition") }
            for (conditionIndex, condition) in rule.conditions.enumerated() {
                ConditionValidator(definition: definition, report: report)
                    .validate(condition, path: "\(path).conditions[\(conditionIndex)]", owner: nil)
            }
        }
    }
}
