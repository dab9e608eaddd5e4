import Fluent
import MentalizeCore
import Vapor

/// The programme's measurement plan, edited by programme leads: which instrument in which
/// phase, first due how many days after the phase starts, and how often after that.
struct MeasurementPlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.measurementPlan, use: page)
        try routes.post(.measurementPlan, use: add)
        try routes.post(.measurementPlanRemove, use: remove)
    }

    struct Form: Content {
        var phase: String?
        var instrumentID: String?
        var firstDueDays: String?
        var repeatEveryDays: String?
    }

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        return try await render(request, clinicID: user.user.$clinic.id, form: Form(), error: nil, status: .ok)
    }

    func add(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        let clinicID = user.user.$clinic.id
        let form = try request.form(Form.self)
        let catalog = try request.application.measurement.catalog
        guard let phase = form.phase.flatMap(ProgrammePhase.init(rawValue:)), phase != .discharged else {
            return try await render(request, clinicID: clinicID, form: form, error: PageText.text("plan.error.phase"), status: .badRequest)
        }
        guard let instrument = form.instrumentID.flatMap(catalog.definition(id:)) else {
            return try await render(request, clinicID: clinicID, form: form, error: PageText.text("measures.error.instrument"), status: .badRequest)
        }
        guard let first = Int(form.firstDueDays?.trimmingCharacters(in: .whitespaces) ?? "") else {
            return try await render(request, clinicID: clinicID, form: form, error: PageText.text("plan.error.firstNotNumber"), status: .badRequest)
        }
        let repeatText = form.repeatEveryDays?.trimmingCharacters(in: .whitespaces) ?? ""
        let every = repeatText.isEmpty ? nil : Int(repeatText)
        if !repeatText.isEmpty, every == nil {
            return try await render(request, clinicID: clinicID, form: form, error: PageText.text("plan.error.repeatNotNumber"), status: .badRequest)
        }
        if let problem = MeasurementPlanItem.problem(firstDueDays: first, repeatEveryDays: every) {
            return try await render(request, clinicID: clinicID, form: form, error: Self.text(problem), status: .badRequest)
        }
        try await MeasurePlanItemRecord(clinicID: clinicID, phase: phase.rawValue, instrumentID: instrument.id, firstDueDays: first, repeatEveryDays: every, createdAt: request.now).create(on: request.db)
        // The new item may be due already for patients in that phase: assign it now, not when a page is read.
        let patients = try await MeasureQueries(database: request.db).patients(clinicID: clinicID, phase: phase)
        try await AssignmentSync(database: request.db, settings: try request.application.measurement, now: request.now).sync(patients)
        return request.redirect(to: SiteRoute.measurementPlan.path)
    }

    func remove(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        guard let id = request.parameters.get("itemID", as: UUID.self),
              let item = try await MeasureQueries(database: request.db).planItem(id, clinicID: user.user.$clinic.id) else {
            throw Abort(.notFound)
        }
        try await item.delete(on: request.db)
        return request.redirect(to: SiteRoute.measurementPlan.path)
    }

    /// What is wrong with a plan line, in the page's language.
    static func text(_ problem: MeasurementPlanItem.Problem) -> String {
        switch problem {
        case .firstDueOutOfRange:
            PageText.text("plan.error.firstOutOfRange", ["min": String(MeasurementPlanItem.firstDueRange.lowerBound), "max": String(MeasurementPlanItem.firstDueRange.upperBound)])
        case .repeatOutOfRange:
            PageText.text("plan.error.repeatOutOfRange", ["min": String(MeasurementPlanItem.repeatRange.lowerBound), "max": String(MeasurementPlanItem.repeatRange.upperBound)])
        }
    }

    private func render(_ request: Request, clinicID: UUID, form: Form, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let catalog = try request.application.measurement.catalog
        let items = try await MeasureQueries(database: request.db).planItems(clinicID: clinicID)
        let order = ProgrammePhase.allCases.map(\.rawValue)
        let rows = items.sorted { (order.firstIndex(of: $0.phase) ?? 99, $0.firstDueDays, $0.instrumentID) < (order.firstIndex(of: $1.phase) ?? 99, $1.firstDueDays, $1.instrumentID) }
            .compactMap { item in
                item.id.map { id in
                    MeasurementPlanContext.Row(phase: ProgrammePhase(rawValue: item.phase)?.localizedName ?? item.phase,
                                               instrument: catalog.definition(id: item.instrumentID)?.title ?? item.instrumentID,
                                               first: item.firstDueDays, every: item.repeatEveryDays,
                                               removePath: SiteRoute.measurementPlanRemove.path(planItem: id))
                }
            }
        let context = MeasurementPlanContext(
            page: PageChrome(titleKey: "plan.title", request: request), csrfToken: request.csrfToken, rows: rows, error: error, form: form,
            phases: ProgrammePhase.allCases.filter { $0 != .discharged }.map { .init(id: $0.rawValue, title: $0.localizedName, selected: $0.rawValue == form.phase) },
            instruments: catalog.definitions.map { .init(id: $0.id, title: $0.title, selected: $0.id == form.instrumentID) },
            action: SiteRoute.measurementPlan.path
        )
        let response = try await request.view.render("measurement-plan", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

/// The measurement plan page.
struct MeasurementPlanContext: Encodable {
    struct Row: Encodable {
        let phase: String
        let instrument: String
        let first: Int
        let every: Int?
        let removePath: String
    }

    struct Choice: Encodable {
        let id: String
        let title: String
        let selected: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let rows: [Row]
    let error: String?
    let form: MeasurementPlanController.Form
    let phases: [Choice]
    let instruments: [Choice]
    let action: String
}
