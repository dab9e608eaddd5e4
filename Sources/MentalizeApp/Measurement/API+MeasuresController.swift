import Fluent
import MentalizeCore
import Vapor

/// Every completed response of a patient as a FHIR R4 Bundle (collection) of
/// QuestionnaireResponses and their score Observations: `GET /api/v1/patients/:patientID/measures/fhir`
/// for the care team, `GET /api/v1/me/measures/fhir` for the patient's own (their right of access).
struct APIMeasuresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.apiPatientMeasuresFHIR, use: staffBundle)
        try routes.get(.apiMyMeasuresFHIR, use: ownBundle)
    }

    func staffBundle(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        try await bundle(request, patient: authorised.patient)
    }

    func ownBundle(_ request: Request) async throws -> Response {
        try await bundle(request, patient: try await request.patientAccess().ownPatient(for: .export, kind: .measureResponse))
    }

    private func bundle(_ request: Request, patient: Patient) async throws -> Response {
        let settings = try request.application.measurement
        let history = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: patient.requireID())
        var entries: [FHIRJSON] = []
        for series in history {
            for entry in series.entries {
                guard let id = entry.response.id, let authored = entry.response.completedAt else { continue }
                let author: CompletedResponse.ResponseAuthor = entry.response.entryMode == ResponseEntryMode.patient.rawValue
                    ? .patient : .practitioner(id: entry.response.$enteredBy.id.uuidString.lowercased())
                let completed = CompletedResponse(definition: series.definition, id: id, patientId: try patient.requireID().uuidString.lowercased(),
                                                  authored: authored, author: author, answers: MeasureAnswers.decode(entry.response.answersJSON), score: entry.score)
                entries += try FHIRExport.bundle(completed)["entry"]?.elements ?? []
            }
        }
        let bundle: FHIRJSON = ["resourceType": "Bundle", "type": "collection", "entry": .array(entries)]
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "fhir+json", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(data: try bundle.data()))
    }
}
