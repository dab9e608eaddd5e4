import Fluent
import MentalizeCore
import Vapor

/// The clinic's closed days, kept by programme leads. Sessions are computed from their series, so
/// adding a holiday cancels that day's weekly sessions and pushes MBT-I courses back a week at
/// once; removing an upcoming one restores them (past ones stay, as the record of what happened).
/// Only today or later can be added, for the same reason. After adding, the page says how many
/// sessions it affected.
struct ClinicHolidaysController: RouteCollection {
    static let nameLength = 2...80

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.clinicHolidays, use: page)
        try routes.post(.clinicHolidays, use: add)
        try routes.post(.clinicHolidayRemove, use: remove)
    }

    struct Form: Content {
        var date: String?
        var name: String?
    }

    func page(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.programmeLead])
        let loader = try await request.scheduleLoader()
        var impact: (LocalDate, HolidayImpact)?
        if let added = request.query[String.self, at: "added"].flatMap({ try? LocalDate(iso: $0) }), loader.holidays.isHoliday(added) {
            impact = (added, try await HolidayImpact.of(added, loader: loader))
        }
        return try await render(request, form: Form(), impact: impact, error: nil, status: .ok)
    }

    func add(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        let form = try request.form(Form.self)
        let name = (form.name ?? "").trimmed
        guard let date = try? LocalDate(iso: (form.date ?? "").trimmed), (2000...2100).contains(date.year) else {
            return try await render(request, form: form, impact: nil, error: "holidays.error.date", status: .badRequest)
        }
        guard Self.nameLength.contains(name.count) else {
            return try await render(request, form: form, impact: nil, error: "holidays.error.name", status: .badRequest)
        }
        // A holiday on a past day would cancel sessions that were held (attendance and signed
        // notes included), and it could never be removed again. Today stays allowed: a snow closure.
        let zone = try await request.scheduleLoader().zone
        guard date >= zone.localDate(of: request.now) else {
            return try await render(request, form: form, impact: nil, error: "holidays.error.addPast", status: .conflict)
        }
        let clinicID = user.user.$clinic.id
        guard try await !ClinicSetupQueries(database: request.db).hasHoliday(on: date.description, clinicID: clinicID) else {
            return try await render(request, form: form, impact: nil, error: "holidays.error.duplicate", status: .badRequest)
        }
        try await ClinicHolidayRecord(clinicID: clinicID, date: date.description, name: name).create(on: request.db)
        return request.redirect(to: SiteRoute.clinicHolidays.path + "?added=\(date.description)")
    }

    func remove(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        guard let holiday = try await ClinicHolidayRecord.find(request.parameters.get("holidayID", as: UUID.self), on: request.db),
              holiday.$clinic.id == user.user.$clinic.id else { throw Abort(.notFound) }
        let zone = try await request.scheduleLoader().zone
        // A past holiday stays: removing it would turn closed days back into sessions nobody held.
        guard let date = try? LocalDate(iso: holiday.date), date >= zone.localDate(of: request.now) else {
            return try await render(request, form: Form(), impact: nil, error: "holidays.error.past", status: .conflict)
        }
        try await holiday.delete(on: request.db)
        return request.redirect(to: SiteRoute.clinicHolidays.path)
    }

    private func render(_ request: Request, form: Form, impact: (LocalDate, HolidayImpact)?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireWebUser()
        let zone = try await request.scheduleLoader().zone
        let today = zone.localDate(of: request.now)
        let holidays = try await ClinicSetupQueries(database: request.db).holidays(of: user.user.$clinic.id)
        let rows: [ClinicHolidaysContext.Row] = try holidays.compactMap { holiday in
            guard let date = try? LocalDate(iso: holiday.date) else { return nil }
            return .init(day: zone.dayText(date, in: DisplayTime.language), name: holiday.name, isPast: date < today,
                         removePath: SiteRoute.clinicHolidayRemove.path(holiday: try holiday.requireID()))
        }
        let context = ClinicHolidaysContext(
            page: PageChrome(titleKey: "holidays.title", request: request), csrfToken: request.csrfToken,
            upcoming: rows.filter { !$0.isPast }, past: rows.filter(\.isPast), errorKey: error, date: form.date ?? "", name: form.name ?? "",
            added: impact.map { .init(day: zone.dayText($0.0, in: DisplayTime.language), cancelledSessions: $0.1.cancelledSessions, postponedCourses: $0.1.postponedCourses) },
            action: SiteRoute.clinicHolidays.path, today: today.description)
        return try await request.view.render("clinic-holidays", context).encodeResponse(status: status, for: request)
    }
}

/// The holidays page.
struct ClinicHolidaysContext: Encodable {
    struct Row: Encodable {
        let day: String
        let name: String
        let isPast: Bool
        let removePath: String
    }

    /// What the holiday just added did to the schedule.
    struct Added: Encodable {
        let day: String
        let cancelledSessions: Int
        let postponedCourses: Int
    }

    let page: PageChrome
    let csrfToken: String
    let upcoming: [Row]
    let past: [Row]
    let errorKey: String?
    let date: String
    let name: String
    let added: Added?
    let action: String
    /// The earliest date a holiday can be added for (the clinic's today).
    let today: String
}
