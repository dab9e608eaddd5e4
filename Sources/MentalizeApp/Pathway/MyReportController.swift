import Fluent
import MentalizeCore
import Vapor

/// The patient's "tell us about self-harm" page: calm, with the helplines and the crisis plan at
/// the top. A report is stored as a patient-reported clinical event for the team (the patient
/// writes a `selfReport`, which the policy allows them to submit but not to read back) and raises
/// a risk alert to the care team with source "self-report".
struct MyReportController: RouteCollection {

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myReport, use: page)
        try routes.post(.myReport, use: submit)
    }

    func page(_ request: Request) async throws -> View {
        let user = try request.requireRole([.patient])
        let access = PatientAccess(request: request, user: user)
        let patient = try await access.ownPatient()
        return try await render(request, clinicID: patient.$clinic.id, form: SelfReportForm(occurredOn: FormCheck.today(request.now), key: UUID().uuidString),
                                problems: [], sent: request.query[String.self, at: "sent"] == "1")
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.patient])
        let access = PatientAccess(request: request, user: user)
        let patient = try await access.ownPatient(for: .write, kind: .selfReport)
        let patientID = try patient.requireID()
        let form = try request.form(SelfReportForm.self)
        let problems = form.problems(today: request.now, dateOfBirth: patient.dateOfBirth)
        guard problems.isEmpty, let severity = form.severity else {
            var kept = form
            if UUID(uuidString: form.key.trimmed) == nil { kept.key = UUID().uuidString }
            return try await render(request, clinicID: patient.$clinic.id, form: kept, problems: problems, sent: false).encodeResponse(status: .badRequest, for: request)
        }
        let key = "self-report:\(patientID.uuidString):\(form.key.trimmed.lowercased())"
        if try await !ClinicalEventQueries(database: request.db).exists(idempotencyKey: key) {
            let event = ClinicalEventRecord()
            event.$patient.id = patientID
            (event.kind, event.occurredOn, event.method) = (ClinicalEventKind.selfHarm.rawValue, form.occurredOn.trimmed, EventMethod.notStated.rawValue)
            (event.severity, event.reporter, event.admissionDays) = (severity.rawValue, EventReporter.patient.rawValue, nil)
            (event.note, event.patientReported, event.idempotencyKey) = (form.note.trimmed, true, key)
            (event.$recordedBy.id, event.recordedAt) = (user.id, request.now)
            try await event.create(on: request.db)
            let level: RiskLevel = severity == .moderate || severity == .severe ? .high : .moderate
            _ = try await RiskAlerts(request: request).raise(patientID: patientID, source: .selfReport, sourceID: try event.requireID(), instrumentID: nil,
                                                        ruleIDs: [AlertRuleLine.selfReportRule], level: level, raisedBy: access)
        }
        return request.redirect(to: SiteRoute.myReport.path + "?sent=1")
    }

    private func render(_ request: Request, clinicID: UUID, form: SelfReportForm, problems: [String], sent: Bool) async throws -> View {
        let helplines = try await Helplines(database: request.db).lines(clinicID: clinicID, language: request.language)
        let context = MyReportContext(
            page: PageChrome(titleKey: "myReport.title", request: request), csrfToken: request.csrfToken,
            helplines: helplines,
            crisisPath: SiteRoute.myCrisisPlan.path, action: SiteRoute.myReport.path, form: form, problems: problems, sent: sent,
            availability: sent ? try await request.teamAvailability(clinicID: clinicID) : nil,
            helpChoices: SelfReportForm.helpChoices.map(\.answer)
        )
        return try await request.view.render("my-report", context)
    }
}

/// What the patient's report page shows.
struct MyReportContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let helplines: [HelplineLine]
    let crisisPath: String
    let action: String
    let form: SelfReportForm
    let problems: [String]
    let sent: Bool
    /// When the care team will see the report (shown once sent).
    let availability: TeamAvailability?
    let helpChoices: [String]
}
