import Foundation
import MentalizeCore

/// One reason an alert was raised, as the alert page shows it: a questionnaire rule's own
/// description, or, for risk language in a diary entry, message or report, what kind of language
/// it was (never the pattern key, and never the patient's words), or a self-report or a group
/// note's risk update, worded in the page's language from its stored rule id.
struct AlertRuleLine: Encodable, Equatable {
    /// A text key (risk language).
    let key: String?
    /// A questionnaire rule's description.
    let text: String?

    static let languageKinds: Set<String> = ["suicide", "wanting-to-die", "selfharm", "overdose", "violence"]
    /// The stored rule of a self-harm report from the portal.
    static let selfReportRule = "self-report.self-harm"
    private static let groupRiskPrefix = "group-note.risk-increased:"

    /// The stored rule of a group note's raised risk: the session's date and who recorded it
    /// (commas dropped, as rule ids are stored comma-separated).
    static func groupRiskRule(date: LocalDate, author: String) -> String {
        groupRiskPrefix + date.description + ":" + author.replacingOccurrences(of: ",", with: "")
    }

    /// The lines for an alert's stored rule ids, in order, one per kind of risk language. Only the
    /// risk-language screen (diary entries, messages) stores pattern keys; other sources store a
    /// sentence (a group note's risk update, a self-report), shown as it is.
    static func lines(ruleIDs: [String], source: AlertSource?, describe: (String) -> String?) -> [AlertRuleLine] {
        var lines: [AlertRuleLine] = []
        for id in ruleIDs {
            let line: AlertRuleLine
            if let description = describe(id) {
                line = AlertRuleLine(key: nil, text: description)
            } else if id == selfReportRule {
                line = AlertRuleLine(key: "alerts.rule.selfReport", text: nil)
            } else if id.hasPrefix(groupRiskPrefix) {
                line = AlertRuleLine(key: nil, text: groupRiskText(String(id.dropFirst(groupRiskPrefix.count))))
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

    /// "Risk increased in the group session on Tue 17 Nov 2026 (recorded by Robin Ash)".
    private static func groupRiskText(_ stored: String) -> String {
        let parts = stored.split(separator: ":", maxSplits: 1).map(String.init)
        let date = (try? LocalDate(iso: parts.first ?? "")).map { $0.text(in: DisplayTime.language) } ?? parts.first ?? ""
        return PageText.text("alerts.rule.groupRiskIncreased", ["day": date, "author": parts.count > 1 ? parts[1] : ""])
    }
}
