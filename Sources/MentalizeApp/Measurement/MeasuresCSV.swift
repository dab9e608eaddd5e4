import Foundation
import MentalizeCore

/// A patient's measures as CSV in long form: one row per scale score and per item answer, so a
/// spreadsheet or R can pivot it. Cells that a spreadsheet would run as a formula are defused.
enum MeasuresCSV {
    static let header = "response_id,completed_at_utc,instrument,instrument_version,entry_mode,kind,key,value,band,change_vs_first"

    static func make(_ history: [MeasureHistory.Series]) -> String {
        var lines = [header]
        for series in history {
            for entry in series.entries {
                let response = entry.response
                let base = [response.id?.uuidString ?? "", response.completedAt.map(AuditTime.iso8601) ?? "", series.definition.id, response.instrumentVersion, response.entryMode]
                for scale in entry.score.scales {
                    let change = entry.change?.scaleId == scale.scaleId ? entry.change?.outcome.rawValue ?? "" : ""
                    lines.append(row(base + ["score", scale.scaleId, OutcomeChart.number(scale.value), scale.band?.label ?? "", change]))
                }
                let answers = MeasureAnswers.decode(response.answersJSON)
                for item in series.definition.allItems where item.isQuestion {
                    guard let answer = answers[item.linkId] else { continue }
                    let value: String = switch answer {
                    case .code(let code): code
                    case .integer(let number): String(number)
                    }
                    lines.append(row(base + ["item", item.linkId, value, "", ""]))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
