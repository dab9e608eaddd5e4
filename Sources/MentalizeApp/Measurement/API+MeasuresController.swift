import Fluent
import MentalizeCore
import Vapor

/// `GET /api/v1/patients/:patientID/measures/fhir`: every completed response of the patient as
/// a FHIR R4 Bundle (collection) of QuestionnaireResponses and their score Observations.
struct APIMeasuresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.apiPatientMeasuresFHIR, use: bundle)
    }

    func bundle(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let patient = authorised.patient
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
