import Fluent
import MentalizeCore
import Vapor

/// The patient list (scoped in SQL by the access policy, searchable by name or identifier) and a
/// patient's overview page.
struct PatientController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patients, use: list)
        try routes.get(.patient, use: overview)
    }

    func list(_ request: Request, _ scope: PatientListScope) async throws -> View {
        let search = PatientSearch(request.query[String.self, at: "q"])
        let patients = try await PatientQueries(database: request.db).listed(in: scope, matching: search)
        let context = PatientListContext(page: PageChrome(titleKey: "patients.title", request: request), patients: patients.map(PatientListContext.Row.init),
                                         query: search?.text ?? "", searched: search != nil, path: SiteRoute.patients.path)
        return try await request.view.render("patients", context)
    }

    func overview(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        return try await PatientPage.render(request, access: access, patient: patient)
    }
}

/// What the patient list shows.
struct PatientListContext: Encodable {
    struct Row: Encodable {
        let name: String
        let phase: String
        let path: String

        init(_ patient: Patient) {
            name = patient.displayName
            phase = ProgrammeStatus(storageValue: patient.phase)?.localizedName ?? patient.phase
            path = patient.id.map(SiteRoute.patient.path(patient:)) ?? ""
        }
    }

    let page: PageChrome
    let patients: [Row]
    /// The search as typed, shown back in the box.
    let query: String
    let searched: Bool
    let path: String
}
