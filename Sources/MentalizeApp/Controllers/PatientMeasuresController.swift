import Fluent
import MentalizeCore
import Vapor

/// Staff view of a patient's measures: each instrument's latest score, band and change with its
/// chart, open assignments, risk alerts; item-level answers, CSV export, ad hoc assignment and
/// entry of paper or clinician-rated responses.
struct PatientMeasuresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.patientMeasures.pathComponents, use: page)
        routes.get(SiteRoute.patientMeasureAnswers.pathComponents, use: answers)
        routes.get(SiteRoute.patientMeasureChart.pathComponents, use: chart)
        routes.get(SiteRoute.patientMeasuresExport.pathComponents, use: export)
        routes.post(SiteRoute.patientMeasureAssign.pathComponents, use: assign)
        routes.get(SiteRoute.patientMeasureEntry.pathComponents, use: entryForm)
        routes.post(SiteRoute.patientMeasureEntry.pathComponents, use: enter)
    }

    func page(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), kind: .measureResponse)
        return try await PatientMeasuresPage.render(request, access: access, patient: patient, error: nil, status: .ok)
    }

    func answers(_ request: Request) async throws -> View {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), kind: .measureResponse)
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
        let context = MeasureAnswersContext(page: PageChrome(titleKey: "measures.answersTitle", request: request), name: "\(patient.givenName) \(patient.familyName)",
                                            title: definition.title, scaleTitles: scales.map(\.title), questions: questions.map { "\($0.linkId): \($0.text)" },
                                            rows: Array(rows), measuresPath: SiteRoute.patientMeasures.path(["patientID": try patient.requireID().uuidString]))
        return try await request.view.render("measure-answers", context)
    }

    func chart(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), kind: .measureResponse)
        let settings = try request.application.measurement
        guard let series = try await MeasureHistory(database: request.db, catalog: settings.catalog)
            .series(for: patient.requireID(), instrumentID: request.parameters.get("instrumentID") ?? "").first, let chart = series.chart() else { throw Abort(.notFound) }
        return SVGResponse.make(chart.svg())
    }

    func export(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), for: .export, kind: .measureResponse)
        let settings = try request.application.measurement
        let history = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(for: patient.requireID())
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "measures-\(try patient.requireID().uuidString.prefix(8)).csv")
        return Response(status: .ok, headers: headers, body: .init(string: MeasuresCSV.make(history)))
    }

    func assign(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), for: .write, kind: .measureResponse, staffOnly: true)
        struct Form: Content { var instrumentID: String? }
        let form = (try? request.content.decode(Form.self)) ?? Form()
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
        return request.redirect(to: SiteRoute.patientMeasures.path(["patientID": try patient.requireID().uuidString]))
    }

    func entryForm(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), for: .write, kind: .measureResponse, staffOnly: true)
        return try await MeasureEntryPage.render(request, patient: patient, instrumentID: request.query[String.self, at: "instrument"], form: [:], errors: [:], key: nil, status: .ok)
    }

    func enter(_ request: Request) async throws -> Response {
        let access = try request.patientAccess()
        let patient = try await access.patient(request.parameters.get("patientID", as: UUID.self), for: .write, kind: .measureResponse, staffOnly: true)
        return try await MeasureEntryPage.submit(request, access: access, patient: patient)
    }
}
