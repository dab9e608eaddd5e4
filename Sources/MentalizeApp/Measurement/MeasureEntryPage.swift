import Fluent
import MentalizeCore
import Vapor

/// Staff entry of a whole response on one page: a patient's paper form (marked as such) or a
/// clinician-rated instrument. The form carries an idempotency key, so submitting it twice
/// stores one response. Invalid answers come back with a message per question and nothing lost.
enum MeasureEntryPage {
    static func render(_ request: Request, patient: Patient, instrumentID: String?, form: [String: String], errors: [String: String],
                       key: String?, status: HTTPResponseStatus) async throws -> Response {
        let settings = try request.application.measurement
        let patientID = try patient.requireID()
        let definition = try await instrumentID.asyncFlatMap { try await InstrumentTexts(database: request.db, catalog: settings.catalog).forStaff($0) }
        let items = (definition?.allItems.filter(\.isQuestion) ?? []).map { item in
            MeasureEntryContext.Question(item: .init(item, chosen: form[item.linkId].flatMap { AnswerParser.parse($0, for: item).success }),
                                         raw: form[item.linkId] ?? "", error: errors[item.linkId], prefix: item.linkId)
        }
        let context = MeasureEntryContext(
            page: PageChrome(titleKey: "measures.entryTitle", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            instrument: definition.map { .init(id: $0.id, title: $0.title) }, clinicianRated: definition?.rater == .clinician,
            questions: items, idempotencyKey: key ?? UUID().uuidString, hasErrors: !errors.isEmpty,
            choices: settings.catalog.definitions.map { .init(id: $0.id, title: $0.title) },
            action: SiteRoute.patientMeasureEntry.path(patient: patientID),
            measuresPath: SiteRoute.patientMeasures.path(patient: patientID)
        )
        let response = try await request.view.render("measure-entry", context).encodeResponse(for: request)
        response.status = status
        return response
    }

    static func submit(_ request: Request, access: PatientAccess, patient: Patient) async throws -> Response {
        let fields = try request.form([String: String].self)
        let settings = try request.application.measurement
        let patientID = try patient.requireID()
        let measuresPath = SiteRoute.patientMeasures.path(patient: patientID)
        guard let instrumentID = fields["instrumentID"], let definition = try await InstrumentTexts(database: request.db, catalog: settings.catalog).forStaff(instrumentID),
              let key = fields["idempotencyKey"].flatMap(UUID.init(uuidString:)) else {
            return try await render(request, patient: patient, instrumentID: nil, form: [:], errors: ["instrumentID": PageText.text("measures.error.instrument")], key: nil, status: .badRequest)
        }
        let storedKey = "entry:\(key.uuidString)"
        if try await MeasureQueries(database: request.db).response(idempotencyKey: storedKey, patientID: patientID) != nil {
            return request.redirect(to: measuresPath)
        }
        var answers: [String: ItemAnswer] = [:]
        var form: [String: String] = [:]
        for item in definition.allItems where item.isQuestion {
            let raw = fields["answer-\(item.linkId)"] ?? ""
            form[item.linkId] = raw
            if case .success(let answer) = AnswerParser.parse(raw, for: item) { answers[item.linkId] = answer }
        }
        let progress = ResponseProgress(definition: definition, answers: answers)
        var errors: [String: String] = [:]
        for item in progress.questions where progress.answers[item.linkId] == nil {
            if case .failure(let problem) = AnswerParser.parse(form[item.linkId], for: item), problem != .missing || item.required {
                errors[item.linkId] = AnswerProblemText.text(problem)
            }
        }
        if !errors.isEmpty {
            return try await render(request, patient: patient, instrumentID: definition.id, form: form, errors: errors, key: key.uuidString, status: .badRequest)
        }
        let response = MeasureResponse()
        response.$patient.id = patientID
        response.instrumentID = definition.id
        response.instrumentVersion = definition.version
        response.entryMode = (definition.rater == .clinician ? ResponseEntryMode.clinicianRated : .paperOnBehalf).rawValue
        response.$enteredBy.id = access.user.id
        response.idempotencyKey = storedKey
        // A paper form entered by staff completes the earliest open assignment, as the patient's own answers would.
        response.$assignment.id = try await DueMeasures.open(patientID: patientID, instrumentID: definition.id, window: settings.window, now: request.now, on: request.db).first?.id
        response.answersJSON = "{}"
        response.startedAt = request.now
        do {
            try await response.create(on: request.db)
        } catch {
            // The same form submitted twice at once: the unique key kept the second one out.
            if try await MeasureQueries(database: request.db).response(idempotencyKey: storedKey) != nil { return request.redirect(to: measuresPath) }
            throw error
        }
        do {
            try await ResponseRecorder(request: request, access: access).complete(response, definition: definition, answers: progress.answers)
        } catch let error as ScoringError {
            try await response.delete(on: request.db)
            return try await render(request, patient: patient, instrumentID: definition.id, form: form, errors: ["instrumentID": ScoringErrorText.text(error)], key: key.uuidString, status: .badRequest)
        }
        return request.redirect(to: measuresPath)
    }
}

/// The entry form.
struct MeasureEntryContext: Encodable {
    struct Question: Encodable {
        let item: MeasureQuestionContext.Item
        let raw: String
        let error: String?
        let prefix: String
    }

    struct Choice: Encodable {
        let id: String
        let title: String
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let instrument: Choice?
    let clinicianRated: Bool
    let questions: [Question]
    let idempotencyKey: String
    let hasErrors: Bool
    let choices: [Choice]
    let action: String
    let measuresPath: String
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
