import Fluent
import Foundation
import MentalizeCore
import Vapor

/// A patient's sessions for staff, and booking: a weekly individual series or a single session
/// with the signed-in therapist. Clashes and bad input come back as the page with the form kept (400).
struct PatientSessionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.patientSessions.pathComponents, use: page)
        routes.post(SiteRoute.patientSeriesBook.pathComponents, use: bookSeries)
        routes.post(SiteRoute.patientOneOffBook.pathComponents, use: bookOneOff)
    }

    func page(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), kind: .sessionNote, staffOnly: true)
        return try await PatientSessionsPage.render(request, access: access, patient: patient)
    }

    func bookSeries(_ request: Request) async throws -> Response {
        try await book(request, kind: "series")
    }

    func bookOneOff(_ request: Request) async throws -> Response {
        try await book(request, kind: "oneOff")
    }

    private func book(_ request: Request, kind: String) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), for: .write, kind: .demographics, staffOnly: true)
        let patientID = try patient.requireID()
        let form = (try? request.content.decode(BookingForm.self)) ?? BookingForm()
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
            return request.redirect(to: SiteRoute.patientSessions.path(["patientID": patientID.uuidString]))
        case .failure(let problems):
            return try await PatientSessionsPage.render(request, access: access, patient: patient, form: form, formKind: kind, problems: problems, status: .conflict)
        }
    }
}
