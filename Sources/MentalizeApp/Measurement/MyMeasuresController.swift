import Fluent
import MentalizeCore
import Vapor

/// The patient's questionnaires: what is due, filling one in one question at a time (progress
/// shown, skip logic applied, saved after every answer so it can be resumed), a review step,
/// and a single submit. A risk answer shows a supportive message with the crisis plan and
/// helplines at once, and alerts the care team.
struct MyMeasuresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myMeasures, use: list)
        try routes.post(.myMeasureStart, use: start)
        try routes.get(.myMeasureChart, use: chart)
        try routes.get(.myResponse, use: question)
        try routes.post(.myResponseAnswer, use: answer)
        try routes.get(.myResponseReview, use: review)
        try routes.post(.myResponseSubmit, use: submit)
        try routes.get(.myResponseDone, use: done)
    }

    func list(_ request: Request) async throws -> View {
        let (_, patient) = try await ownPatient(request, for: .list)
        let settings = try request.application.measurement
        let patientID = try patient.requireID()
        let due = try await DueMeasures.list(request, patient: patient)
        let history = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: patientID)
        let texts = InstrumentTexts(database: request.db, catalog: settings.catalog)
        var charts: [MyMeasuresContext.Chart] = []
        for series in history {
            guard let chart = series.chart(), series.definition.rater == .`self` else { continue }
            // The instrument's name in the reader's language when the clinic loaded it; else its
            // own name, marked as the language it is in.
            let translated = try await texts.patientFacing(series.definition.id, language: request.language)?.title
            charts.append(.init(title: translated ?? series.definition.title, titleLanguage: translated == nil ? series.definition.language : nil, summary: chart.description,
                         direction: chart.scale.direction == .lowerIsBetter ? "measures.lowerIsBetter" : "measures.higherIsBetter",
                         path: SiteRoute.myMeasureChart.path(instrument: series.definition.id)))
        }
        return try await request.view.render("my-measures", MyMeasuresContext(page: PageChrome(titleKey: "measures.myTitle", request: request), csrfToken: request.csrfToken, due: due, charts: charts))
    }

    func start(_ request: Request) async throws -> Response {
        let (access, patient) = try await ownPatient(request, for: .write)
        let patientID = try patient.requireID()
        guard let assignmentID = request.parameters.get("assignmentID", as: UUID.self),
              let assignment = try await MeasureQueries(database: request.db).openAssignment(assignmentID, patientID: patientID) else { throw Abort(.notFound) }
        let settings = try request.application.measurement
        guard settings.window.status(dueAt: assignment.dueAt, now: request.now, completed: false).isOpen,
              let definition = try await InstrumentTexts(database: request.db, catalog: settings.catalog).patientFacing(assignment.instrumentID, language: request.language) else {
            throw Abort(.notFound)
        }
        let response = try await ResponseRecorder(request: request, access: access).startOrResume(patientID: patientID, instrument: definition, assignmentID: assignmentID, mode: .patient)
        return request.redirect(to: SiteRoute.myResponse.path(response: try response.requireID()))
    }

    func question(_ request: Request) async throws -> Response {
        let step = try await openResponse(request, for: .read)
        if step.response.completedAt != nil { return request.redirect(to: path(.myResponseDone, step.response)) }
        let progress = ResponseProgress(definition: step.definition, answers: MeasureAnswers.decode(step.response.answersJSON))
        let wanted = request.query[String.self, at: "item"].flatMap { id in progress.questions.first { $0.linkId == id } }
        guard let item = wanted ?? progress.nextUnanswered else { return request.redirect(to: path(.myResponseReview, step.response)) }
        return try await renderQuestion(request, step: step, progress: progress, item: item, error: nil, status: .ok)
    }

    func answer(_ request: Request) async throws -> Response {
        let step = try await openResponse(request, for: .write)
        if step.response.completedAt != nil { return request.redirect(to: path(.myResponseDone, step.response)) }
        struct Form: Content { var linkId: String?; var answer: String?; var go: String? }
        let form = try request.form(Form.self)
        var answers = MeasureAnswers.decode(step.response.answersJSON)
        let progress = ResponseProgress(definition: step.definition, answers: answers)
        guard let item = progress.questions.first(where: { $0.linkId == form.linkId }) else {
            return request.redirect(to: path(.myResponse, step.response))
        }
        if form.go == "back" {
            let previous = progress.question(before: item.linkId)
            return request.redirect(to: path(.myResponse, step.response) + (previous.map { "?item=\($0.linkId)" } ?? ""))
        }
        switch AnswerParser.parse(form.answer, for: item) {
        case .failure(let problem):
            return try await renderQuestion(request, step: step, progress: progress, item: item, error: AnswerProblemText.text(problem), status: .badRequest)
        case .success(let answer):
            answers[item.linkId] = answer
            try await ResponseRecorder(request: request, access: step.access).save(step.response, answers: answers, definition: step.definition)
            let updated = ResponseProgress(definition: step.definition, answers: answers)
            let next = updated.question(after: item.linkId).flatMap { updated.answers[$0.linkId] == nil ? $0 : nil } ?? updated.nextUnanswered
            return request.redirect(to: next.map { path(.myResponse, step.response) + "?item=\($0.linkId)" } ?? path(.myResponseReview, step.response))
        }
    }

    func review(_ request: Request) async throws -> Response {
        let step = try await openResponse(request, for: .read)
        if step.response.completedAt != nil { return request.redirect(to: path(.myResponseDone, step.response)) }
        return try await renderReview(request, step: step, error: nil, status: .ok)
    }

    func submit(_ request: Request) async throws -> Response {
        let step = try await openResponse(request, for: .write)
        if step.response.completedAt != nil { return request.redirect(to: path(.myResponseDone, step.response)) }
        let progress = ResponseProgress(definition: step.definition, answers: MeasureAnswers.decode(step.response.answersJSON))
        if progress.nextUnanswered != nil {
            return try await renderReview(request, step: step, error: "measures.missingAnswers", status: .badRequest)
        }
        do {
            try await ResponseRecorder(request: request, access: step.access).complete(step.response, definition: step.definition, answers: progress.answers)
        } catch let error as ScoringError {
            request.logger.warning("response could not be scored: \(error)")
            return try await renderReview(request, step: step, error: "measures.notScorable", status: .badRequest)
        }
        return request.redirect(to: path(.myResponseDone, step.response))
    }

    func done(_ request: Request) async throws -> View {
        let step = try await openResponse(request, for: .read)
        guard step.response.completedAt != nil else { throw Abort(.notFound) }
        let risk = step.response.riskLevel.flatMap(RiskLevel.init(rawValue:))
        let rule = MeasureAnswers.score(step.response.scoreJSON)?.risk.requiresAlert ?? false
        let helplines = try await Helplines(database: request.db).lines(clinicID: step.patient.$clinic.id, language: request.language)
        let context = MeasureDoneContext(page: PageChrome(titleKey: "measures.doneTitle", request: request), title: step.definition.title,
                                         showSupport: rule && risk != nil, availability: try await request.teamAvailability(clinicID: step.patient.$clinic.id), crisisPath: SiteRoute.myCrisisPlan.path, measuresPath: SiteRoute.myMeasures.path,
                                         helplines: helplines)
        return try await request.view.render("measure-done", context)
    }

    func chart(_ request: Request) async throws -> Response {
        let (_, patient) = try await ownPatient(request, for: .read)
        let instrumentID = request.parameters.get("instrumentID") ?? ""
        let settings = try request.application.measurement
        guard let series = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: try patient.requireID(), instrumentID: instrumentID).first,
              let chart = series.chart() else { throw Abort(.notFound) }
        return SVGResponse.make(chart.svg())
    }

    // MARK: - Helpers

    struct Step {
        let access: PatientAccess
        let patient: Patient
        let response: MeasureResponse
        let definition: InstrumentDefinition
    }

    private func ownPatient(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, Patient) {
        let access = try request.patientAccess()
        return (access, try await access.ownPatient(for: action, kind: .measureResponse))
    }

    /// The signed-in patient's own response (anyone else's is a 404), with its patient-facing texts.
    private func openResponse(_ request: Request, for action: AccessAction) async throws -> Step {
        let (access, patient) = try await ownPatient(request, for: action)
        guard let responseID = request.parameters.get("responseID", as: UUID.self),
              let response = try await MeasureQueries(database: request.db).response(responseID, patientID: patient.requireID()),
              response.$enteredBy.id == access.user.id,
              let definition = try await InstrumentTexts(database: request.db, catalog: try request.application.measurement.catalog).patientFacing(response.instrumentID, language: request.language) else {
            throw Abort(.notFound)
        }
        return Step(access: access, patient: patient, response: response, definition: definition)
    }

    private func path(_ route: SiteRoute, _ response: MeasureResponse) -> String {
        response.id.map(route.path(response:)) ?? ""
    }

    private func renderQuestion(_ request: Request, step: Step, progress: ResponseProgress, item: InstrumentItem, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let chosen = progress.answers[item.linkId]
        let context = MeasureQuestionContext(
            page: PageChrome(titleKey: "measures.questionTitle", request: request), csrfToken: request.csrfToken, title: step.definition.title,
            // The opening instruction ("Over the last 2 weeks…") belongs to the main items, not to a
            // follow-up asked only after certain answers (PHQ-9's "how difficult…").
            intro: item.enableWhen == nil ? step.definition.items.first { $0.type == .display }?.text : nil, position: progress.position(of: item.linkId) ?? 1, total: progress.questions.count,
            item: .init(item, chosen: chosen), error: error, action: path(.myResponseAnswer, step.response), canGoBack: progress.question(before: item.linkId) != nil,
            copyright: step.definition.copyright,
            copyrightLanguage: try request.application.measurement.catalog.definition(id: step.definition.id)?.language ?? step.definition.language
        )
        let response = try await request.view.render("measure-question", context).encodeResponse(for: request)
        response.status = status
        return response
    }

    private func renderReview(_ request: Request, step: Step, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let progress = ResponseProgress(definition: step.definition, answers: MeasureAnswers.decode(step.response.answersJSON))
        let rows = progress.questions.enumerated().map { index, item in
            MeasureReviewContext.Row(number: index + 1, text: item.text, answer: MeasureQuestionContext.display(progress.answers[item.linkId], on: item),
                                     changePath: path(.myResponse, step.response) + "?item=\(item.linkId)")
        }
        let context = MeasureReviewContext(page: PageChrome(titleKey: "measures.reviewTitle", request: request), csrfToken: request.csrfToken,
                                           title: step.definition.title, rows: rows, complete: progress.nextUnanswered == nil, errorKey: error,
                                           submitPath: path(.myResponseSubmit, step.response))
        let response = try await request.view.render("measure-review", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

/// An SVG image response (charts): never cached, like every page with patient data.
enum SVGResponse {
    static func make(_ svg: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }
}
