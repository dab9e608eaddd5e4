/// One reason an alert was raised, as the alert page shows it: a questionnaire rule's own
/// description, or, for risk language in a diary entry, message or report, what kind of language
/// it was (never the pattern key, and never the patient's words).
struct AlertRuleLine: Encodable, Equatable {
    /// A text key (risk language).
    let key: String?
    /// A questionnaire rule's description.
    let text: String?

    static let languageKinds: Set<String> = ["suicide", "wanting-to-die", "selfharm", "overdose", "violence"]

    /// The lines for an alert's stored rule ids, in order, one per kind of risk language. Only the
    /// risk-language screen (diary entries, messages) stores pattern keys; other sources store a
    /// sentence (a group note's risk update, a self-report), shown as it is.
    static func lines(ruleIDs: [String], source: AlertSource?, describe: (String) -> String?) -> [AlertRuleLine] {
        var lines: [AlertRuleLine] = []
        for id in ruleIDs {
            let line: AlertRuleLine
            if let description = describe(id) {
                line = AlertRuleLine(key: nil, text: description)
            } else if source != .diary && source != .message {
                line = AlertRuleLine(key: nil, text: id)
            } else {
                let pattern = id.hasPrefix("risk.") ? String(id.dropFirst(5)) : id
                let kind = String(pattern.split(separator: ".").first ?? "")
                line = AlertRuleLine(key: "alerts.language.\(languageKinds.contains(kind) ? kind : "other")", text: nil)
            }
            if !lines.contains(line) { lines.append(line) }
        }
        return lines
    }
}
