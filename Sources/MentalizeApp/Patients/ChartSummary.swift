import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The top of the chart, risk first: open alerts, the latest answers to questionnaire risk items,
/// the latest note's risk update and the crisis plan's date; then the latest scores with their
/// change (since the first and since the previous questionnaire), the next sessions and the phase.
/// Each part is there only when the policy lets the viewer read its kind.
struct ChartSummary: Encodable {
    struct Alert: Encodable {
        let level: String
        let raised: String
        let state: String
        let path: String
    }

    /// An instrument with risk rules, and what its latest response matched.
    struct RiskAnswer: Encodable {
        let instrument: String
        let when: String
        /// The matched rules' descriptions; empty when no risk item was answered positively.
        let matched: [String]
    }

    struct Score: Encodable {
        let title: String
        let value: String
        let band: String
        let when: String
        let sinceFirst: String?
        let sinceLast: String?
        let attention: Bool
    }

    let alerts: [Alert]?
    let riskAnswers: [RiskAnswer]
    let scores: [Score]
    let nextSessions: [String]
    /// Whether anything in the risk part needs a look now.
    let riskRaised: Bool

    static let shownSessions = 3

    static func load(_ request: Request, access: PatientAccess, patientID: UUID, series: [MeasureHistory.Series], zone: ClinicZone) async throws -> ChartSummary {
        var alerts: [Alert]?
        if try await access.allows(.list, .riskAlert, patientID: patientID) {
            let open = try await AlertStore(database: request.db).unresolved(for: [patientID]).sorted { $0.raisedAt > $1.raisedAt }
            try await access.auditListed(open.isEmpty ? [] : [patientID], kind: .riskAlert, scope: try await access.listScope(.riskAlert))
            alerts = open.compactMap { alert in
                alert.id.map { Alert(level: alert.level, raised: DisplayTime.clinic(alert.raisedAt, zone: zone), state: "alerts.state.\(alert.state)", path: SiteRoute.alert.path(alert: $0)) }
            }
        }
        let riskAnswers = series.filter { !$0.definition.riskRules.isEmpty }.compactMap { series -> RiskAnswer? in
            guard let latest = series.latest, let date = latest.response.completedAt else { return nil }
            let matched = latest.score.risk.matchedRules.compactMap { id in series.definition.riskRules.first { $0.id == id }?.description }
            return RiskAnswer(instrument: series.definition.title, when: DisplayTime.clinic(date, zone: zone), matched: matched)
        }
        let scores = series.compactMap { series -> Score? in
            guard let latest = series.latest, let scaleID = series.definition.scoring?.primaryScale, let scale = latest.score.scale(scaleID),
                  let date = latest.response.completedAt else { return nil }
            let changes = series.changeOverTime.map { ChangeStatements($0, zone: zone) }
            return Score(title: series.definition.title, value: OutcomeChart.number(scale.value), band: scale.band?.label ?? "", when: zone.dayText(zone.localDate(of: date), in: DisplayTime.language),
                         sinceFirst: changes?.sinceFirst, sinceLast: changes?.sinceLast, attention: changes?.attention ?? false)
        }
        var nextSessions: [String] = []
        if try await access.allows(.read, .sessionNote, patientID: patientID) {
            let loader = try await request.scheduleLoader()
            let upcoming = try await loader.forPatient(patientID, in: TimeSlot(start: request.now, end: request.now.addingTimeInterval(62 * 86_400)))
            nextSessions = upcoming.filter(\.takesPlace).prefix(shownSessions).map { "\(DisplayTime.clinic($0.slot.start, zone: zone)) · \($0.title)" }
        }
        return ChartSummary(alerts: alerts, riskAnswers: riskAnswers, scores: scores, nextSessions: nextSessions,
                            riskRaised: !(alerts ?? []).isEmpty || riskAnswers.contains { !$0.matched.isEmpty } || scores.contains(where: \.attention))
    }
}
