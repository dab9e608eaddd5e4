import Fluent
import MentalizeCore
import Vapor

/// The patient list (scoped in SQL by the access policy) and a patient's overview page.
struct PatientController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patients, use: list)
        try routes.get(.patient, use: overview)
    }

    func list(_ request: Request, _ scope: PatientListScope) async throws -> View {
        let patients = try await PatientQueries(database: request.db).listed(in: scope)
        let context = PatientListContext(page: PageChrome(titleKey: "patients.title", request: request), patients: patients.map(PatientListContext.Row.init))
        return try await request.view.render("patients", context)
    }

    func overview(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        return try await PatientPage.render(request, access: access, patient: patient)
    }
}

/// The queries behind the patient pages (tested directly).
struct PatientQueries {
    let database: any Database

    /// The patients in this list scope, filtered in SQL, each listing audited.
    func listed(in list: PatientListScope) async throws -> [Patient] {
        let scope = list.scope
        var query = Patient.query(on: database).sort(\.$familyName).sort(\.$givenName)
        if !scope.allRows {
            let ids = scope.patients.map(\.rawValue)
            guard !ids.isEmpty else { return [] }
            query = query.filter(\.$id ~~ ids)
        }
        let patients = try await query.all()
        try await list.access.auditListed(try patients.map { try $0.requireID() }, kind: list.kind, scope: scope)
        return patients
    }

    /// The therapists currently responsible for a patient.
    func careTeam(of patientID: UUID, now: Date) async throws -> [String] {
        let assignments = try await CaseloadAssignmentRecord.query(on: database)
            .filter(\.$patient.$id == patientID)
            .with(\.$therapist)
            .all()
        return assignments
            .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }
            .map(\.therapist.displayName)
            .sorted()
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
            phase = ProgrammeStatus(storageValue: patient.phase)?.displayName ?? patient.phase
            path = patient.id.map(SiteRoute.patient.path(patient:)) ?? ""
        }
    }

    let page: PageChrome
    let patients: [Row]
}
