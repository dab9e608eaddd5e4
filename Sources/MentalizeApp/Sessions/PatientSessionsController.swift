import Fluent
import Foundation
import MentalizeCore
import Vapor

/// A patient's sessions for staff, and booking: a weekly individual series or a single session
/// with the signed-in therapist. Clashes and bad input come back as the page with the form kept (400).
struct PatientSessionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patientSessions, use: page)
        try routes.post(.patientSeriesBook, use: bookSeries)
        try routes.post(.patientOneOffBook, use: bookOneOff)
    }

    func page(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        // A free time chosen in the week fills the form (the values are checked when the form is sent).
        var form = BookingForm()
        form.date = request.query[String.self, at: "date"]
        form.time = request.query[String.self, at: "time"]
        form.roomID = request.query[String.self, at: "roomID"]
        form.modality = request.query[String.self, at: "modality"]
        return try await PatientSessionsPage.render(request, access: access, patient: patient, form: form)
    }

    func bookSeries(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        try await book(request, authorised, kind: "series")
    }

    func bookOneOff(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        try await book(request, authorised, kind: "oneOff")
    }

    private func book(_ request: Request, _ authorised: AuthorisedPatient, kind: String) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let form = try request.form(BookingForm.self)
        let loader = try await request.scheduleLoader()
        guard access.user.roles.contains(Role.therapist.rawValue) else { throw Abort(.notFound) }
        let input: BookingInput
        switch BookingInput.parse(form, mapping: loader.mapping, defaultMinutes: 50, today: loader.zone.localDate(of: request.now)) {
        case .success(let value): input = value
        case .failure(let problems):
            return try await PatientSessionsPage.render(request, access: access, patient: patient, form: form, formKind: kind, problems: problems, status: .badRequest)
        }
        let service = BookingService(database: request.db, loader: loader, now: request.now)
        let result = kind == "series" ? try await service.bookSeries(patientID: patientID, therapistID: access.user.id, input: input)
            : try await service.bookOneOff(patientID: patientID, therapistID: access.user.id, input: input)
        switch result {
        case .success:
            return request.redirect(to: SiteRoute.patientSessions.path(patient: patientID))
        case .failure(let problems):
            return try await PatientSessionsPage.render(request, access: access, patient: patient, form: form, formKind: kind, problems: problems, status: .conflict)
        }
    }
}
