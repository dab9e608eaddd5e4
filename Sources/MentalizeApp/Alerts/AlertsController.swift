import Fluent
import MentalizeCore
import Vapor

/// Risk alerts for staff: the ones addressed to me, one alert's detail, and its lifecycle
/// (acknowledge, record the action taken, resolve). Each alert is read and changed through the
/// access policy for its patient (risk alerts are a record kind of their own), and audited.
struct AlertsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.alerts, use: list)
        try routes.get(.alert, use: detail)
        try routes.post(.alertAdvance, use: advance)
    }

    func list(_ request: Request) async throws -> View {
        _ = try request.requireRole(Role.clinicalStaff)
        let access = try request.patientAccess()
        let scope = try await access.listScope(.riskAlert)
        let alerts = try await AlertStore(database: request.db).addressed(to: access.user.id, scope: scope, openOnly: false, limit: 100)
        try await access.auditListed(Array(Set(alerts.map(\.$patient.id))), kind: .riskAlert, scope: scope)
        let hours = try await ClinicHours.load(on: request.db)
        let rows = alerts.compactMap { alert in
            alert.id.map { AlertsContext.Row(patient: alert.patient.displayName, level: alert.level, state: "alerts.state.\(alert.state)",
                                              raised: AlertArrival(alert.raisedAt, hours: hours), path: SiteRoute.alert.path(alert: $0)) }
        }
        return try await request.view.render("alerts", AlertsContext(page: PageChrome(titleKey: "alerts.title", request: request), rows: rows))
    }

    func detail(_ request: Request) async throws -> Response {
        let (access, alert, patient) = try await load(request, for: .read)
        return try await render(request, access: access, alert: alert, patient: patient, error: nil, status: .ok)
    }

    func advance(_ request: Request) async throws -> Response {
        let (access, alert, patient) = try await load(request, for: .write)
        struct Form: Content { var to: String?; var action: String? }
        let form = try request.form(Form.self)
        guard let target = form.to.flatMap(RiskAlertState.init(rawValue:)) else {
            return try await render(request, access: access, alert: alert, patient: patient, error: PageText.text("alerts.error.chooseStep"), status: .badRequest)
        }
        let action = form.action?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if target == .actionRecorded, action.isEmpty || action.count > 2_000 {
            return try await render(request, access: access, alert: alert, patient: patient, error: PageText.text("alerts.error.describeAction"), status: .badRequest)
        }
        if let refusal = try await RiskAlerts(request: request).advance(alert, to: target, by: access.user.id, action: target == .actionRecorded ? action : nil) {
            return try await render(request, access: access, alert: alert, patient: patient, error: Self.text(refusal), status: .conflict)
        }
        return request.redirect(to: SiteRoute.alert.path(alert: try alert.requireID()))
    }

    /// The alert through its patient's policy: 404 (audited) when out of scope or missing.
    private func load(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, RiskAlert, Patient) {
        _ = try request.requireRole(Role.clinicalStaff)
        let access = try request.patientAccess()
        guard let id = request.parameters.get("alertID", as: UUID.self), let alert = try await RiskAlert.find(id, on: request.db) else { throw Abort(.notFound) }
        try await access.authorize(action, RecordDescriptor(kind: .riskAlert, patientID: PatientID(alert.$patient.id)), recordType: RecordKind.riskAlert.rawValue, recordID: id.uuidString)
        guard let patient = try await Patient.find(alert.$patient.id, on: request.db) else { throw Abort(.notFound) }
        return (access, alert, patient)
    }

    /// Where the words or answers that raised the alert can be read: the message thread, the
    /// measures, the events (a self-report), or the chart (a group note's risk update and a diary
    /// entry, which may be private, are summarised there for those who may read them).
    static func sourcePath(of alert: RiskAlert) -> String {
        let patient = alert.$patient.id
        switch alert.source {
        case .message: return alert.sourceID.map { SiteRoute.messageThread.path(thread: $0) } ?? SiteRoute.patient.path(patient: patient)
        case .measure: return SiteRoute.patientMeasures.path(patient: patient)
        case .selfReport: return SiteRoute.patientEvents.path(patient: patient)
        default: return SiteRoute.patient.path(patient: patient)
        }
    }

    private func render(_ request: Request, access: PatientAccess, alert: RiskAlert, patient: Patient, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let alertID = try alert.requireID()
        let recipients = try await AlertStore(database: request.db).recipients(of: alertID)
        try await alert.$acknowledgedBy.load(on: request.db)
        try await alert.$actionBy.load(on: request.db)
        try await alert.$resolvedBy.load(on: request.db)
        let state = RiskAlertState(rawValue: alert.state) ?? .open
        let canWrite = try await access.allows(.write, .riskAlert, patientID: alert.$patient.id)
        let texts = try request.application.alertSettings
        let rules = AlertRuleLine.lines(ruleIDs: alert.ruleIDs.split(separator: ",").map(String.init), source: alert.source) { id in alert.instrumentID.flatMap { texts.ruleDescription($0, id) } }
        let context = AlertContext(
            page: PageChrome(titleKey: "alerts.detailTitle", request: request), csrfToken: request.csrfToken,
            patient: patient.displayName, patientPath: SiteRoute.patient.path(patient: alert.$patient.id),
            measuresPath: alert.source == .measure ? SiteRoute.patientMeasures.path(patient: alert.$patient.id) : nil,
            level: alert.level, stateKey: "alerts.state.\(alert.state)", sourceKey: "alerts.source.\(alert.sourceName)",
            sourcePath: Self.sourcePath(of: alert), instrument: alert.instrumentID.flatMap(texts.instrumentTitle), rules: rules,
            raised: AlertArrival(alert.raisedAt, hours: try await ClinicHours.load(on: request.db)), escalated: alert.escalatedAt.map(DisplayTime.minute),
            recipients: recipients.map { .init(name: $0.user.displayName, reason: "alerts.reason.\($0.reason)") },
            acknowledged: alert.acknowledgedAt.map { "\(alert.acknowledgedBy?.displayName ?? "") · \(DisplayTime.minute($0))" },
            action: alert.action, actionBy: alert.actionAt.map { "\(alert.actionBy?.displayName ?? "") · \(DisplayTime.minute($0))" },
            resolved: alert.resolvedAt.map { "\(alert.resolvedBy?.displayName ?? "") · \(DisplayTime.minute($0))" },
            next: canWrite ? state.next?.rawValue : nil, nextKey: "alerts.do.\(state.next?.rawValue ?? "none")", error: error, advancePath: SiteRoute.alertAdvance.path(alert: alertID)
        )
        let response = try await request.view.render("alert", context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// Why the step was refused, in the page's language.
    static func text(_ refusal: AlertStepRefusal) -> String {
        switch refusal {
        case .already(let state): PageText.text("alerts.refusal.already", ["state": PageText.text("alerts.state.\(state.rawValue)")])
        case .cannotReopen: PageText.text("alerts.refusal.cannotReopen")
        case .acknowledgedAlready: PageText.text("alerts.refusal.acknowledgedAlready")
        case .acknowledgeFirst: PageText.text("alerts.refusal.acknowledgeFirst")
        case .actionFirst: PageText.text("alerts.refusal.actionFirst")
        case .unknownState: PageText.text("alerts.refusal.unknownState")
        }
    }
}

/// The alerts list.
struct AlertsContext: Encodable {
    struct Row: Encodable {
        let patient: String
        let level: String
        let state: String
        let raised: AlertArrival
        let path: String
    }

    let page: PageChrome
    let rows: [Row]
}

/// One alert.
struct AlertContext: Encodable {
    struct Recipient: Encodable {
        let name: String
        let reason: String
    }

    let page: PageChrome
    let csrfToken: String
    let patient: String
    let patientPath: String
    /// The patient's measures, for alerts a questionnaire raised.
    let measuresPath: String?
    let level: String
    let stateKey: String
    let sourceKey: String
    /// Where what raised it can be read (see ``AlertsController/sourcePath(of:)``).
    let sourcePath: String
    let instrument: String?
    let rules: [AlertRuleLine]
    let raised: AlertArrival
    let escalated: String?
    let recipients: [Recipient]
    let acknowledged: String?
    let action: String?
    let actionBy: String?
    let resolved: String?
    /// The next step this user may take (a ``RiskAlertState`` raw value).
    let next: String?
    let nextKey: String
    let error: String?
    let advancePath: String
}
