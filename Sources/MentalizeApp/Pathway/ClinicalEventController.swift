import Fluent
import MentalizeCore
import Vapor

/// Clinical events on the staff side: the list (staff-only: `clinicalEvent` in the policy, never
/// shown to the patient) with the patient's own reports marked, and the form to record one.
struct ClinicalEventController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patientEvents, use: page)
        try routes.post(.patientEventSave, use: save)
    }

    func page(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        let patient = authorised.patient
        return try await render(request, access: access, patient: patient, form: nil, problems: [])
    }

    func save(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let form = try request.form(EventForm.self)
        let problems = form.problems(today: request.now, dateOfBirth: patient.dateOfBirth)
        guard problems.isEmpty else {
            return try await render(request, access: access, patient: patient, form: form, problems: problems).encodeResponse(status: .badRequest, for: request)
        }
        try await form.record(patientID: patientID, by: access.user.id, at: request.now).create(on: request.db)
        return request.redirect(to: SiteRoute.patientEvents.path(patient: patientID))
    }

    private func render(_ request: Request, access: PatientAccess, patient: Patient, form: EventForm?, problems: [String]) async throws -> View {
        let patientID = try patient.requireID()
        let context = EventsContext(
            page: PageChrome(titleKey: "events.title", request: request), csrfToken: request.csrfToken,
            name: patient.displayName, patientPath: SiteRoute.patient.path(patient: patientID),
            events: try await ClinicalEventQueries(database: request.db).events(of: patientID).map(EventsContext.Event.init),
            canWrite: try await access.allows(.write, .clinicalEvent, patientID: patientID),
            form: form ?? EventForm(kind: ClinicalEventKind.selfHarm.rawValue, occurredOn: FormCheck.today(request.now), method: EventMethod.notStated.rawValue,
                                    severity: MedicalSeverity.unknown.rawValue, reporter: EventReporter.patient.rawValue),
            problems: problems, kinds: ClinicalEventKind.allCases.map(\.rawValue), methods: EventMethod.allCases.map(\.rawValue),
            severities: MedicalSeverity.allCases.map(\.rawValue), reporters: EventReporter.allCases.map(\.rawValue),
            action: SiteRoute.patientEventSave.path(patient: patientID)
        )
        return try await request.view.render("events", context)
    }
}

/// What the staff events page shows.
struct EventsContext: Encodable {
    struct Event: Encodable {
        let kindKey: String
        let on: String
        let methodKey: String?
        let severityKey: String
        let reporterKey: String
        let admissionDays: Int?
        let patientReported: Bool
        let note: String
        let recorded: String

        init(_ record: ClinicalEventRecord) {
            kindKey = "events.kind.\(record.kind)"
            on = record.occurredOn
            methodKey = record.method == EventMethod.notApplicable.rawValue ? nil : "events.method.\(record.method)"
            severityKey = "events.severity.\(record.severity)"
            reporterKey = "events.reporter.\(record.reporter)"
            admissionDays = record.admissionDays
            patientReported = record.patientReported
            note = record.note
            recorded = "\(record.recordedBy.displayName), \(DisplayTime.minute(record.recordedAt))"
        }
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let events: [Event]
    let canWrite: Bool
    let form: EventForm
    let problems: [String]
    let kinds: [String]
    let methods: [String]
    let severities: [String]
    let reporters: [String]
    let action: String
}
