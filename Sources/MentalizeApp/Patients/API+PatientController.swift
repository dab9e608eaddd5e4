import Fluent
import MentalizeCore
import Vapor

/// `GET /api/v1/patients` and `GET /api/v1/patients/:patientID`, through the same access gateway
/// and audit log as the pages.
struct APIPatientController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.apiPatients, use: list)
        try routes.get(.apiPatient, use: show)
    }

    /// A patient as the API returns it.
    struct PatientDTO: Content {
        var id: UUID
        var givenName: String
        var familyName: String
        var dateOfBirth: String
        var phase: String

        init(_ patient: Patient) throws {
            id = try patient.requireID()
            givenName = patient.givenName
            familyName = patient.familyName
            dateOfBirth = patient.dateOfBirth
            phase = patient.phase
        }
    }

    func list(_ request: Request, _ scope: PatientListScope) async throws -> [PatientDTO] {
        try await PatientQueries(database: request.db).listed(in: scope).map(PatientDTO.init)
    }

    func show(_ request: Request, _ authorised: AuthorisedPatient) async throws -> PatientDTO {
        try PatientDTO(authorised.patient)
    }
}
