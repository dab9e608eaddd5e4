import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The caseload page: every patient currently on the therapist's caseload, with phase, next
/// session, last attended session, latest scores and their change, open alerts, overdue
/// questionnaires, unsigned notes and the drop-out warning. Sorted and filtered from GET
/// parameters (`sort`, `phase`, `attention`, `q`). Every query is bounded by the caseload, and
/// the patients shown are audited as listed for each kind of record the page reveals.
struct CaseloadTable {
    let request: Request

    /// The orders the page offers; the first is the default.
    static let sortKeys = ["attention", "name", "next", "lastAttended"]

    func build() async throws -> CaseloadTableContext {
        let user = try request.requireWebUser()
        let access = try request.patientAccess()
        let now = request.now
        let caseload = try await access.facts().caseload.filter { $0.therapistID.rawValue == user.id && $0.period.isCurrent(at: now) }.map(\.patientID.rawValue)
        let patients = try await SessionQueries(database: request.db).patients(Array(Set(caseload)))
        let ids = patients.compactMap(\.id)
        for kind in [RecordKind.demographics, .measureResponse, .riskAlert] {
            try await access.auditListed(ids, kind: kind, scope: try await access.listScope(kind))
        }
        let facts = try await CaseloadFacts.load(request, therapistID: user.id, patientIDs: ids)
        let rows = patients.compactMap { patient in patient.id.map { row(patient, id: $0, facts: facts) } }
        let filters = Filters(request: request)
        let shown = filters.sorted(rows.filter(filters.accepts))
        let phases = Set(rows.map(\.phaseValue))
        return CaseloadTableContext(
            page: PageChrome(titleKey: "caseload.title", request: request), zone: facts.zone.identifier,
            rows: shown, total: rows.count,
            sorts: Self.sortKeys.map { .init(value: $0, label: "caseload.sort.\($0)", selected: $0 == filters.sort) },
            phases: ProgrammeStatus.all.filter { phases.contains($0.storageValue) }.map { .init(value: $0.storageValue, label: $0.localizedName, selected: $0.storageValue == filters.phase) },
            attentionOnly: filters.attentionOnly, query: filters.query, path: SiteRoute.caseload.path, schedulePath: SiteRoute.schedule.path)
    }

    private func row(_ patient: Patient, id: UUID, facts: CaseloadFacts) -> CaseloadTableContext.Row {
        let zone = facts.zone
        let scores = (facts.series[id] ?? []).compactMap { series -> CaseloadTableContext.Score? in
            guard let latest = series.latest, let scaleID = series.definition.scoring?.primaryScale, let value = latest.score.scale(scaleID)?.value else { return nil }
            let change = series.changeOverTime
            let words = change.map { ChangeStatements($0, zone: zone) }
            return .init(title: series.definition.shortTitle, value: OutcomeChart.number(value),
                         sinceFirst: change?.sinceFirst.map { OutcomeChart.words($0.assessment.outcome) },
                         recent: words?.attention == true ? (words?.sinceLast ?? words?.sinceFirst) : nil, attention: words?.attention ?? false)
        }
        let warning = facts.warnings[id]
        let alerts = facts.openAlerts[id] ?? 0
        return CaseloadTableContext.Row(
            name: patient.displayName, path: SiteRoute.patient.path(patient: id),
            phase: ProgrammeStatus(storageValue: patient.phase)?.localizedName ?? patient.phase, phaseValue: patient.phase,
            nextSession: facts.nextSession[id].map { DisplayTime.clinic($0, zone: zone) },
            lastAttended: facts.lastAttended[id].map { DisplayTime.clinic($0, zone: zone) },
            nextSortKey: facts.nextSession[id].map(AuditTime.iso8601), lastSortKey: facts.lastAttended[id].map(AuditTime.iso8601),
            scores: scores, openAlerts: alerts, alertsPath: SiteRoute.patient.path(patient: id),
            overdueMeasures: facts.overdue[id] ?? 0, measuresPath: SiteRoute.patientMeasures.path(patient: id),
            unsignedNotes: facts.unsignedNotes[id] ?? 0, missedInARow: warning,
            needsAttention: alerts > 0 || warning != nil || scores.contains(where: \.attention))
    }

    /// The page's GET parameters, read leniently: anything unknown is the default.
    private struct Filters {
        let sort: String
        let phase: String
        let attentionOnly: Bool
        let query: String

        init(request: Request) {
            let sort = request.query[String.self, at: "sort"] ?? ""
            self.sort = CaseloadTable.sortKeys.contains(sort) ? sort : CaseloadTable.sortKeys[0]
            phase = request.query[String.self, at: "phase"] ?? ""
            attentionOnly = request.query[String.self, at: "attention"] == "1"
            query = String((request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        }

        func accepts(_ row: CaseloadTableContext.Row) -> Bool {
            (phase.isEmpty || row.phaseValue == phase) && (!attentionOnly || row.needsAttention)
                && (query.isEmpty || row.name.localizedCaseInsensitiveContains(query))
        }

        /// Sorted by the chosen key, then by name. Dates sort by their instants (the shown text
        /// would put "Fri" before "Mon"); a patient without the date comes last.
        func sorted(_ rows: [CaseloadTableContext.Row]) -> [CaseloadTableContext.Row] {
            rows.sorted { a, b in
                let (x, y): (String, String) = switch sort {
                case "name": ("", "")
                case "next": (a.nextSortKey ?? "~", b.nextSortKey ?? "~")
                // Most recent first: compare the other way round.
                case "lastAttended": (b.lastSortKey ?? "", a.lastSortKey ?? "")
                default: ("\(a.needsAttention ? 0 : 1)\(String(format: "%05d", 99_999 - a.openAlerts))", "\(b.needsAttention ? 0 : 1)\(String(format: "%05d", 99_999 - b.openAlerts))")
                }
                if x != y { return x < y }
                return a.name.localizedCaseInsensitiveCompare(b.name) == .orderedAscending
            }
        }
    }
}
