import Fluent
import MentalizeCore
import Vapor

/// The staff measures page for one patient. Reading was already authorised and audited.
enum PatientMeasuresPage {
    static func render(_ request: Request, access: PatientAccess, patient: Patient, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let patientID = try patient.requireID()
        let settings = try request.application.measurement
        let history = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: patientID)
        let zone = try await request.clinicZone()
        let instruments = history.map { series -> PatientMeasuresContext.Instrument in
            let latest = series.latest
            let primary = latest?.score.primary
            return .init(
                title: series.definition.title, count: series.entries.count,
                latest: primary.map { OutcomeChart.number($0.value) } ?? "—", band: primary?.band?.label ?? "",
                isCase: primary?.isCase ?? false, when: latest?.response.completedAt.map(DisplayTime.minute) ?? "",
                change: series.changeOverTime.map { ChangeStatements($0, zone: zone) },
                direction: series.chart()?.scale.direction == .higherIsBetter ? "measures.higherIsBetter" : "measures.lowerIsBetter",
                chartPath: series.chart() == nil ? nil : SiteRoute.patientMeasureChart.path(patient: patientID, instrument: series.definition.id),
                chartSummary: series.chart()?.description ?? "",
                answersPath: SiteRoute.patientMeasureAnswers.path(patient: patientID, instrument: series.definition.id))
        }
        let texts = InstrumentTexts(database: request.db, catalog: settings.catalog)
        let language = try await AccountLanguage(database: request.db).language(of: patient)
        var open: [PatientMeasuresContext.Assignment] = []
        for assignment in try await MeasureQueries(database: request.db).openAssignments(patientID: patientID, latestFirst: 20) {
            let status = settings.window.status(dueAt: assignment.dueAt, now: request.now, completed: false)
            let title = settings.catalog.definition(id: assignment.instrumentID)?.title ?? assignment.instrumentID
            let patientCanSee = try await texts.patientFacing(assignment.instrumentID, language: language) != nil
            open.append(.init(title: title, due: DisplayTime.minute(assignment.dueAt), statusKey: "measures.status.\(status.rawValue)",
                              textsMissing: !patientCanSee, language: language, source: assignment.planItemID == nil ? "measures.adHoc" : "measures.fromPlan"))
        }
        let alerts = try await AlertStore(database: request.db).latest(for: patientID, limit: 20)
        let canSeeAlerts = try await access.allows(.list, .riskAlert, patientID: patientID)
        if canSeeAlerts, !alerts.isEmpty { try await access.auditListed([patientID], kind: .riskAlert, scope: try await access.listScope(.riskAlert)) }
        let canWrite = try await access.allows(.write, .measureResponse, patientID: patientID)
        let context = PatientMeasuresContext(
            page: PageChrome(titleKey: "measures.staffTitle", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            patientPath: SiteRoute.patient.path(patient: patientID), instruments: instruments, assignments: open,
            alerts: canSeeAlerts ? alerts.compactMap { alert in alert.id.map { .init(level: alert.level, state: "alerts.state.\(alert.state)", raised: DisplayTime.minute(alert.raisedAt), path: SiteRoute.alert.path(alert: $0)) } } : [],
            canWrite: canWrite, errorKey: error,
            selfRated: settings.catalog.definitions.filter { $0.rater == .`self` }.map { .init(id: $0.id, title: $0.title) },
            allInstruments: settings.catalog.definitions.map { .init(id: $0.id, title: $0.title) },
            assignPath: SiteRoute.patientMeasureAssign.path(patient: patientID), entryPath: SiteRoute.patientMeasureEntry.path(patient: patientID),
            exportPath: try await access.allows(.export, .measureResponse, patientID: patientID) ? SiteRoute.patientMeasuresExport.path(patient: patientID) : nil
        )
        let response = try await request.view.render("patient-measures", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

/// What the staff measures page shows.
struct PatientMeasuresContext: Encodable {
    struct Instrument: Encodable {
        let title: String
        let count: Int
        let latest: String
        let band: String
        let isCase: Bool
        let when: String
        let change: ChangeStatements?
        let direction: String
        let chartPath: String?
        let chartSummary: String
        let answersPath: String
    }

    struct Assignment: Encodable {
        let title: String
        let due: String
        let statusKey: String
        let textsMissing: Bool
        let language: String
        let source: String
    }

    struct Alert: Encodable {
        let level: String
        let state: String
        let raised: String
        let path: String
    }

    struct Choice: Encodable {
        let id: String
        let title: String
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let instruments: [Instrument]
    let assignments: [Assignment]
    let alerts: [Alert]
    let canWrite: Bool
    let errorKey: String?
    let selfRated: [Choice]
    let allInstruments: [Choice]
    let assignPath: String
    let entryPath: String
    let exportPath: String?
}

/// The item-level answers table.
struct MeasureAnswersContext: Encodable {
    struct Row: Encodable {
        let when: String
        let mode: String
        let scores: [String]
        let answers: [String]
    }

    let page: PageChrome
    let name: String
    let title: String
    let scaleTitles: [String]
    let questions: [String]
    let rows: [Row]
    let measuresPath: String
}
