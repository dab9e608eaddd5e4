import Fluent
import MentalizeCore
import Vapor

/// The programme lead's dashboard: aggregates only, no names and no free text. Patients per
/// phase, median days from referral to assessment and to treatment, drop-outs by phase.
struct ProgrammeDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.programmeDashboard, use: page)
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.programmeLead])
        let figures = try await ProgrammeFigures.compute(on: request.db)
        let context = ProgrammeDashboardContext(
            page: PageChrome(titleKey: "programmeDashboard.title", request: request),
            phases: ProgrammeStatus.all.map { .init(label: $0.localizedName, count: figures.perStatus[$0, default: 0]) },
            daysToAssessment: figures.medianDaysToAssessment.map { String(format: "%.0f", $0) },
            daysToTreatment: figures.medianDaysToTreatment.map { String(format: "%.0f", $0) },
            dropOuts: ProgrammePhase.allCases.compactMap { phase in
                figures.dropOutsByPhase[phase].map { .init(label: phase.localizedName, count: $0) }
            },
            eventKinds: ClinicalEventKind.allCases.map { "events.kind.\($0.rawValue)" },
            eventMonths: try await EventFigures.perMonth(on: request.db, now: request.now).map { month in
                .init(month: month.month, counts: ClinicalEventKind.allCases.map { month.counts[$0, default: 0] }, total: month.total)
            }
        )
        return try await request.view.render("programme-dashboard", context)
    }
}

/// What the programme dashboard shows.
struct ProgrammeDashboardContext: Encodable {
    struct Bar: Encodable {
        let label: String
        let count: Int
    }

    struct Month: Encodable {
        let month: String
        let counts: [Int]
        let total: Int
    }

    let page: PageChrome
    let phases: [Bar]
    let daysToAssessment: String?
    let daysToTreatment: String?
    let dropOuts: [Bar]
    let eventKinds: [String]
    let eventMonths: [Month]
}
