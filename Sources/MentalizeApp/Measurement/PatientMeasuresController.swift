import Fluent
import MentalizeCore
import Vapor

/// Staff view of a patient's measures: each instrument's latest score, band and change with its
/// chart, open assignments, risk alerts; item-level answers, CSV export, ad hoc assignment and
/// entry of paper or clinician-rated responses.
struct PatientMeasuresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patientMeasures, use: page)
        try routes.get(.patientMeasureAnswers, use: answers)
        try routes.get(.patientMeasureChart, use: chart)
        try routes.get(.patientMeasuresExport, use: export)
        try routes.post(.patientMeasureAssign, use: assign)
        try routes.get(.patientMeasureEntry, use: entryForm)
        try routes.post(.patientMeasureEntry, use: enter)
    }

    func page(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        return try await PatientMeasuresPage.render(request, access: access, patient: patient, error: nil, status: .ok)
    }

    func answers(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let patient = authorised.patient
        let settings = try request.application.measurement
        let instrumentID = request.parameters.get("instrumentID") ?? ""
        guard let definition = try await InstrumentTexts(database: request.db, catalog: settings.catalog).forStaff(instrumentID) else { throw Abort(.notFound) }
        let series = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: patient.requireID(), instrumentID: instrumentID).first
        let questions = definition.allItems.filter(\.isQuestion)
        let scales = definition.scoring?.scales ?? []
        let rows = (series?.entries ?? []).reversed().map { entry in
            let answers = MeasureAnswers.decode(entry.response.answersJSON)
            return MeasureAnswersContext.Row(
                when: entry.response.completedAt.map(DisplayTime.minute) ?? "", mode: "measures.mode.\(entry.response.entryMode)",
                scores: scales.map { scale in entry.score.scale(scale.id).map { "\(OutcomeChart.number($0.value))\($0.band.map { " (\($0.label))" } ?? "")" } ?? "—" },
                answers: questions.map { MeasureQuestionContext.display(answers[$0.linkId], on: $0) })
        }
        let context = MeasureAnswersContext(page: PageChrome(titleKey: "measures.answersTitle", request: request), name: patient.displayName,
                                            title: definition.title, scaleTitles: scales.map(\.title), questions: questions.map { "\($0.linkId): \($0.text)" },
                                            rows: Array(rows), measuresPath: SiteRoute.patientMeasures.path(patient: try patient.requireID()))
        return try await request.view.render("measure-answers", context)
    }

    func chart(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let patient = authorised.patient
        let settings = try request.application.measurement
        guard let series = try await MeasureHistory(database: request.db, catalog: settings.catalog)
            .series(for: patient.requireID(), instrumentID: request.parameters.get("instrumentID") ?? "").first, let chart = series.chart() else { throw Abort(.notFound) }
        return SVGResponse.make(chart.svg())
    }

    func export(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let patient = authorised.patient
        let settings = try request.application.measurement
        let history = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: patient.requireID())
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "measures-\(try patient.requireID().uuidString.prefix(8)).csv")
        return Response(status: .ok, headers: headers, body: .init(string: MeasuresCSV.make(history)))
    }

    func assign(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        struct Form: Content { var instrumentID: String? }
        let form = try request.form(Form.self)
        let settings = try request.application.measurement
        guard let id = form.instrumentID, let definition = settings.catalog.definition(id: id), definition.rater == .`self` else {
            return try await PatientMeasuresPage.render(request, access: access, patient: patient, error: "measures.error.chooseInstrument", status: .badRequest)
        }
        let assignment = MeasureAssignment()
        let assignmentID = UUID()
        assignment.id = assignmentID
        assignment.$patient.id = try patient.requireID()
        assignment.instrumentID = definition.id
        assignment.dueAt = request.now
        assignment.$assignedBy.id = access.user.id
        assignment.scheduleKey = "adhoc:\(assignmentID.uuidString)"
        try await assignment.create(on: request.db)
        return request.redirect(to: SiteRoute.patientMeasures.path(patient: try patient.requireID()))
    }

    func entryForm(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let patient = authorised.patient
        return try await MeasureEntryPage.render(request, patient: patient, instrumentID: request.query[String.self, at: "instrument"], form: [:], errors: [:], key: nil, status: .ok)
    }

    func enter(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        return try await MeasureEntryPage.submit(request, access: access, patient: patient)
    }
}
