import Fluent
import MentalizeCore
import Vapor

/// Data portability: a patient downloads their own diary, questionnaire answers, messages,
/// comments on and agreement with their formulation, and self-harm reports as JSON, or reads them on
/// one printable page. Each part is read through the access door as an
/// export of the patient's own records (and audited as such).
struct MyDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myData, use: page)
        try routes.get(.myDataJSON, use: json)
    }

    func page(_ request: Request) async throws -> View {
        let export = try await collect(request)
        return try await request.view.render("my-data", MyDataContext(page: PageChrome(titleKey: "data.title", request: request), export: export,
                                                                    jsonPath: SiteRoute.myDataJSON.path, zone: try await request.clinicZone().identifier))
    }

    func json(_ request: Request) async throws -> Response {
        let export = try await collect(request)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.contentDisposition = .init(.attachment, filename: "my-mentalize-data.json")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(export)))
    }

    private func collect(_ request: Request) async throws -> PatientDataExport {
        let access = try request.patientAccess()
        let patient = try await access.ownPatient(for: .export, kind: .privateDiaryEntry)
        let patientID = try patient.requireID()
        _ = try await access.patient(patientID, for: .export, kind: .measureResponse)
        _ = try await access.patient(patientID, for: .export, kind: .message)
        _ = try await access.patient(patientID, for: .export, kind: .formulationResponse)
        _ = try await access.patient(patientID, for: .export, kind: .selfReport)
        let diary = try await DiaryStore(database: request.db, now: request.now).entries(patientID: patientID).compactMap { record -> PatientDataExport.Diary? in
            guard let entry = DiaryStore.decode(record) else { return nil }
            return .init(written: record.createdAt, updated: record.updatedAt, draft: record.isDraft, entry: entry)
        }
        let catalog = try request.application.measurement.catalog
        let texts = InstrumentTexts(database: request.db, catalog: catalog)
        var questionnaires: [PatientDataExport.Questionnaire] = []
        for series in try await MeasureHistory(database: request.db, catalog: catalog).series(for: patientID) {
            let definition = try await texts.forStaff(series.definition.id, language: request.language) ?? series.definition
            for entry in series.entries {
                let answers = MeasureAnswers.decode(entry.response.answersJSON)
                questionnaires.append(.init(
                    instrument: definition.title, language: definition.language, completed: entry.response.completedAt,
                    answers: definition.allItems.filter(\.isQuestion).compactMap { item in
                        answers[item.linkId].map { .init(question: item.text, answer: MeasureQuestionContext.display($0, on: item)) }
                    },
                    scores: entry.score.scales.map { .init(scale: $0.scaleId, value: $0.value) }))
            }
        }
        let threads = try await MessageStore(database: request.db, now: request.now).threadsWithMessages(patientID: patientID)
        let messages = threads.map { thread in
            PatientDataExport.Thread(subject: thread.subject, messages: thread.messages.sorted { $0.sentAt < $1.sentAt }.map {
                .init(from: $0.author.displayName, sent: $0.sentAt, text: $0.body)
            })
        }
        let pathway = PathwayQueries(database: request.db)
        let responses = try await pathway.formulationResponses(patientID: patientID)
        let formulation = responses.map { response in
            PatientDataExport.FormulationResponse(version: response.version.version, agreed: response.kind == FormulationResponse.agreement,
                                                  comment: response.text, written: response.createdAt)
        }
        // Only the reports the patient made themselves: events staff recorded are not theirs to export.
        let reports = try await pathway.selfReports(patientID: patientID).map { PatientDataExport.SelfReport(occurredOn: $0.occurredOn, severity: $0.severity, note: $0.note, sent: $0.recordedAt) }
        return PatientDataExport(name: patient.displayName, exportedAt: request.now, diary: diary, questionnaires: questionnaires,
                                 messages: messages, formulationResponses: formulation, selfReports: reports)
    }
}

/// Everything a patient downloads about themselves from the portal.
struct PatientDataExport: Content {
    struct Diary: Codable {
        let written: Date
        let updated: Date
        let draft: Bool
        let entry: DiaryEntry
    }

    struct Answer: Codable {
        let question: String
        let answer: String
    }

    struct Score: Codable {
        let scale: String
        let value: Double
    }

    struct Questionnaire: Codable {
        let instrument: String
        /// The language of the instrument's title and questions as shown here.
        let language: String
        let completed: Date?
        let answers: [Answer]
        let scores: [Score]
    }

    struct Message: Codable {
        let from: String
        let sent: Date
        let text: String
    }

    struct Thread: Codable {
        let subject: String
        let messages: [Message]
    }

    /// A comment on, or agreement with, a version of the formulation.
    struct FormulationResponse: Codable {
        let version: Int
        let agreed: Bool
        let comment: String
        let written: Date
    }

    /// A self-harm report the patient sent from the portal.
    struct SelfReport: Codable {
        let occurredOn: String
        /// `none`, `minor`, `moderate`, `severe` or `unknown` (the medical severity chosen).
        let severity: String
        let note: String
        let sent: Date
    }

    let name: String
    let exportedAt: Date
    let diary: [Diary]
    let questionnaires: [Questionnaire]
    let messages: [Thread]
    let formulationResponses: [FormulationResponse]
    let selfReports: [SelfReport]
}

/// The printable page of the same data.
struct MyDataContext: Encodable {
    let page: PageChrome
    let export: PatientDataExport
    let jsonPath: String
    /// The clinic's zone, in which the page shows the export's times.
    let zone: String
}
