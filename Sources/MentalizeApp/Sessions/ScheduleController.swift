import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The therapist's week (Monday to Sunday in the clinic's zone, `?week=YYYY-MM-DD` picks the week)
/// and the caseload. Patients named on either page are audited as listed.
struct ScheduleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.schedule, use: week)
        try routes.get(.caseload, use: caseload)
    }

    func week(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        let loader = try await request.scheduleLoader()
        let zone = loader.zone
        let chosen = request.query[String.self, at: "week"].flatMap { try? LocalDate(iso: $0) } ?? zone.localDate(of: request.now)
        let monday = chosen.adding(days: -(Weekday.allCases.firstIndex(of: chosen.weekday) ?? 0))
        let window = try TimeSlot(start: zone.instant(on: monday, at: .midnight), end: zone.instant(on: monday.adding(days: 7), at: .midnight))
        let sessions = try await loader.forTherapist(user.id, in: window)
        let names = try await ScheduleNames(request: request).listed(sessions.compactMap(\.patientID))
        let sources = Array(Set(sessions.map(\.key.source)))
        let entries = try await SessionQueries(database: request.db).marks(sources: sources, dates: sessions.map(\.key.date.description))
        let marks = AttendanceFacts.marks(entries)
        let days = (0..<7).map { offset -> WeekContext.Day in
            let date = monday.adding(days: offset)
            let items = sessions.filter { zone.localDate(of: $0.slot.start) == date }.map { session in
                WeekContext.Item(time: "\(zone.localTime(of: session.slot.start))–\(zone.localTime(of: session.slot.end))", title: session.title,
                                 who: session.patientID.flatMap { names[$0] } ?? "", location: session.modality.locationText, statusKey: session.statusKey(marks: marks[session.key] ?? [], now: request.now),
                                 cancelled: !session.takesPlace, path: SiteRoute.session.path(session: session.key))
            }
            return WeekContext.Day(heading: zone.dayText(date, in: DisplayTime.language), items: items)
        }
        let context = WeekContext(page: PageChrome(titleKey: "schedule.title", request: request), zone: zone.identifier, range: "\(zone.dayText(monday, in: DisplayTime.language)) – \(zone.dayText(monday.adding(days: 6), in: DisplayTime.language))",
                                  days: days, previousPath: "\(SiteRoute.schedule.path)?week=\(monday.adding(days: -7))", nextPath: "\(SiteRoute.schedule.path)?week=\(monday.adding(days: 7))",
                                  caseloadPath: SiteRoute.caseload.path)
        return try await noStore(request.view.render("schedule", context).encodeResponse(for: request))
    }

    func caseload(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.therapist])
        let context = try await CaseloadTable(request: request).build()
        return try await noStore(request.view.render("caseload", context).encodeResponse(for: request))
    }

    private func noStore(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Patient names (or initials) for pages that list patients by the way, limited to the patients
/// the user may list and audited as listed (one event per patient).
struct ScheduleNames {
    let request: Request

    func listed(_ ids: [UUID]) async throws -> [UUID: String] {
        Dictionary(try await patients(ids).compactMap { patient in patient.id.map { ($0, patient.displayName) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Initials of the listable patients among `ids`, numbered where they collide.
    func initials(_ ids: [UUID]) async throws -> [UUID: String] {
        var names: [PatientID: PersonName] = [:]
        for patient in try await patients(ids) { names[PatientID(try patient.requireID())] = try? PersonName(given: patient.givenName, family: patient.familyName) }
        return Dictionary(uniqueKeysWithValues: Initials.directory(names).map { ($0.key.rawValue, $0.value) })
    }

    /// The patients among `ids` the user may list, audited as listed.
    private func patients(_ ids: [UUID]) async throws -> [Patient] {
        let access = try request.patientAccess()
        let scope = try await access.listScope(.demographics)
        let wanted = Array(Set(ids)).filter { scope.allRows || scope.patients.contains(PatientID($0)) }
        guard !wanted.isEmpty else { return [] }
        let patients = try await SessionQueries(database: request.db).patients(wanted)
        try await access.auditListed(try patients.map { try $0.requireID() }, kind: .demographics, scope: scope)
        return patients
    }
}

/// The therapist's week view.
struct WeekContext: Encodable {
    struct Item: Encodable {
        let time: String
        let title: String
        let who: String
        let location: String
        let statusKey: String
        let cancelled: Bool
        let path: String
    }

    struct Day: Encodable {
        let heading: String
        let items: [Item]
    }

    let page: PageChrome
    let zone: String
    let range: String
    let days: [Day]
    let previousPath: String
    let nextPath: String
    let caseloadPath: String
}
