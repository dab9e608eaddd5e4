import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `/programme/outcomes`: the lead's outcome figures for a date range (`from`, `to`, clinic days,
/// both included; the last twelve months by default) and programme type (`type`), as a page with
/// a chart that prints, and as CSV. Aggregates only: no names, no free text, small counts withheld.
struct ProgrammeOutcomesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.programmeOutcomes, use: page)
        try routes.get(.programmeOutcomesCSV, use: csv)
    }

    func page(_ request: Request) async throws -> Response {
        let (selection, error, types) = try await choices(request)
        let zone = try await request.clinicZone()
        let outcomes = try await ProgrammeOutcomes.compute(selection, zone: zone, catalog: try request.application.measurement.catalog, on: request.db)
        let context = ProgrammeOutcomesContext(
            page: PageChrome(titleKey: "outcomes.title", request: request), errorText: error,
            from: selection.from.description, to: selection.to.description,
            rangeText: "\(zone.dayText(selection.from, in: DisplayTime.language)) – \(zone.dayText(selection.to, in: DisplayTime.language))",
            programmeTypes: types.compactMap { type in type.id.map { .init(value: $0.uuidString, label: type.name, selected: $0 == selection.programmeType) } },
            patients: outcomes.patients,
            instruments: outcomes.instruments.map(Self.row),
            chartImage: OutcomeBarsSVG.render(outcomes.instruments).map { "data:image/svg+xml;base64," + Data($0.utf8).base64EncodedString() },
            attendance: Self.figure(PublishedCount(outcomes.attendance.attended, of: outcomes.attendance.counted)),
            attendingPatients: PublishedCount(outcomes.attendingPatients, of: outcomes.attendingPatients).countText,
            completion: Self.figure(PublishedCount(outcomes.questionnairesCompleted, of: outcomes.questionnairesDue)),
            medianDaysToTreatment: outcomes.daysToTreatment.count >= PublishedCount.threshold ? ProgrammeFigures.median(outcomes.daysToTreatment).map { String(Int($0)) } : nil,
            treatmentStarts: PublishedCount(outcomes.daysToTreatment.count, of: outcomes.daysToTreatment.count).countText,
            dropOuts: Self.figure(PublishedCount(outcomes.dropOuts, of: outcomes.activePatients)),
            path: SiteRoute.programmeOutcomes.path, csvPath: SiteRoute.programmeOutcomesCSV.path + Self.query(selection),
            dashboardPath: SiteRoute.programmeDashboard.path)
        let response = try await request.view.render("programme-outcomes", context).encodeResponse(for: request)
        response.status = error == nil ? .ok : .badRequest
        return response
    }

    func csv(_ request: Request) async throws -> Response {
        let (selection, error, _) = try await choices(request)
        if let error { throw Abort(.badRequest, reason: error) }
        let outcomes = try await ProgrammeOutcomes.compute(selection, zone: try await request.clinicZone(), catalog: try request.application.measurement.catalog, on: request.db)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "outcomes-\(selection.from)-\(selection.to).csv")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: OutcomesCSV.render(outcomes, selection: selection)))
    }

    /// The range and type asked for, or the defaults with a sentence saying what was wrong.
    private func choices(_ request: Request) async throws -> (ProgrammeOutcomes.Selection, String?, [ProgrammeType]) {
        _ = try request.requireRole([.programmeLead])
        let types = try await ProgrammeOutcomeQueries(database: request.db).programmeTypes()
        let today = try await request.clinicZone().localDate(of: request.now)
        let defaults = ProgrammeOutcomes.Selection(from: today.adding(days: -364), to: today, programmeType: nil)
        let fromText = request.query[String.self, at: "from"] ?? ""
        let toText = request.query[String.self, at: "to"] ?? ""
        let typeText = request.query[String.self, at: "type"] ?? ""
        let type = UUID(uuidString: typeText).flatMap { id in types.contains { $0.id == id } ? id : nil }
        if !typeText.isEmpty && type == nil { return (defaults, PageText.text("outcomes.error.unknownType"), types) }
        if fromText.isEmpty && toText.isEmpty { return (ProgrammeOutcomes.Selection(from: defaults.from, to: defaults.to, programmeType: type), nil, types) }
        guard let from = try? LocalDate(iso: fromText), let to = try? LocalDate(iso: toText) else {
            return (defaults, PageText.text("outcomes.error.dates"), types)
        }
        guard from <= to else { return (defaults, PageText.text("outcomes.error.order"), types) }
        guard to.adding(days: -3_660) < from else { return (defaults, PageText.text("outcomes.error.tooLong"), types) }
        return (ProgrammeOutcomes.Selection(from: from, to: to, programmeType: type), nil, types)
    }

    private static func query(_ selection: ProgrammeOutcomes.Selection) -> String {
        "?from=\(selection.from)&to=\(selection.to)" + (selection.programmeType.map { "&type=\($0.uuidString)" } ?? "")
    }

    private static func figure(_ count: PublishedCount) -> ProgrammeOutcomesContext.Figure {
        .init(count: count.countText, rate: count.rateText)
    }

    private static func row(_ instrument: ProgrammeOutcomes.InstrumentOutcome) -> ProgrammeOutcomesContext.InstrumentRow {
        let shown = instrument.tally.published
        return .init(title: instrument.definition.title, patients: shown.patients.countText, improved: figure(shown.improved), recovered: figure(shown.recovered),
                     unchanged: figure(shown.noReliableChange), deteriorated: figure(shown.deteriorated),
                     singleAdministration: instrument.tally.singleAdministration)
    }
}
