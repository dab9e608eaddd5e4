import Fluent
import MentalizeCore
import Vapor

/// The patient list (scoped in SQL by the access policy) and a patient's overview page.
struct PatientController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.patients.pathComponents, use: list)
        routes.get(SiteRoute.patient.pathComponents, use: overview)
    }

    func list(_ request: Request) async throws -> View {
        let access = try request.patientAccess()
        let patients = try await PatientQueries(database: request.db).listed(by: access)
        let context = PatientListContext(page: PageChrome(titleKey: "patients.title", request: request), patients: patients.map(PatientListContext.Row.init))
        return try await request.view.render("patients", context)
    }

    func overview(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self))
        return try await PatientPage.render(request, access: access, patient: patient)
    }
}

/// The queries behind the patient pages (tested directly).
struct PatientQueries {
    let database: any Database

    /// The patients this user may list, filtered in SQL, each listing audited.
    func listed(by access: PatientAccess) async throws -> [Patient] {
        let scope = try await access.listScope(.demographics)
        var query = Patient.query(on: database).sort(\.$familyName).sort(\.$givenName)
        if !scope.allRows {
            let ids = scope.patients.map(\.rawValue)
            guard !ids.isEmpty else { return [] }
            query = query.filter(\.$id ~~ ids)
        }
        let patients = try await query.all()
        try await access.auditListed(try patients.map { try $0.requireID() }, kind: .demographics, scope: scope)
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
            name = "\(patient.givenName) \(patient.familyName)"
            phase = ProgrammeStatus(storageValue: patient.phase)?.displayName ?? patient.phase
            path = SiteRoute.patient.path(["patientID": patient.id?.uuidString ?? ""])
        }
    }

    let page: PageChrome
    let patients: [Row]
}
