import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The therapist's day, on their home page: today's and this week's sessions, notes not yet
/// signed (drafts and past sessions without a note), patients with a drop-out warning, overdue
/// measures and open risk alerts. Every query is bounded by the therapist's own caseload and sessions.
struct TherapistDay {
    let request: Request

    func build() async throws -> TherapistDayContext {
        let user = try request.requireWebUser()
        let access = try request.patientAccess()
        let loader = try await request.scheduleLoader()
        let zone = loader.zone
        let now = request.now
        let today = zone.localDate(of: now)
        let monday = today.adding(days: -(Weekday.allCases.firstIndex(of: today.weekday) ?? 0))
        let weekStart = zone.instant(on: monday, at: .midnight)
        let lookBack = now.addingTimeInterval(-14 * 86_400)
        let window = try TimeSlot(start: min(weekStart, lookBack), end: zone.instant(on: monday.adding(days: 7), at: .midnight))
        let sessions = try await loader.forTherapist(user.id, in: window).filter(\.takesPlace)
        let caseload = try await access.facts().caseload.filter { $0.therapistID.rawValue == user.id && $0.period.isCurrent(at: now) }.map(\.patientID.rawValue)
        let queries = SessionQueries(database: request.db)
        let drafts = try await queries.drafts(by: user.id, limit: 50)
        let pastKeys = sessions.filter { $0.slot.end <= now && $0.slot.start >= lookBack }
        let sources = Array(Set(pastKeys.map(\.key.source)))
        let written = try await queries.notes(sources: sources, since: lookBack)
        let missing = pastKeys.filter { session in !written.contains { $0.sourceID == session.key.source && $0.sessionDate == session.key.date.description } }
        let warnings = try NonAttendanceRule().warnings(try await AttendanceFacts(database: request.db).records(for: caseload, since: now.addingTimeInterval(-182 * 86_400)))
        let settings = try request.application.measurement
        let open = try await MeasureQueries(database: request.db).openAssignments(patientIDs: caseload, dueBefore: now)
        let overdue = open.filter { settings.window.status(dueAt: $0.dueAt, now: now, completed: false) == .overdue }
        let alerts = try await AlertStore(database: request.db).unresolved(for: caseload)
        let named = sessions.compactMap(\.patientID) + drafts.compactMap { $0.$patient.id } + warnings.map(\.patient.rawValue) + overdue.map { $0.$patient.id } + alerts.map { $0.$patient.id }
        let names = try await ScheduleNames(request: request).listed(named)
        let endOfToday = zone.instant(on: today.adding(days: 1), at: .midnight)
        let startOfToday = zone.instant(on: today, at: .midnight)
        func row(_ session: ScheduledSession) -> TherapistDayContext.SessionRow {
            .init(when: DisplayTime.clinic(session.slot.start, zone: zone), title: session.title, who: session.patientID.flatMap { names[$0] } ?? "",
                  path: SiteRoute.session.path(session: session.key))
        }
        return TherapistDayContext(
            zone: zone.identifier,
            today: sessions.filter { $0.slot.start >= startOfToday && $0.slot.start < endOfToday }.map(row),
            week: sessions.filter { $0.slot.start >= weekStart }.map(row),
            unsigned: drafts.map { draft in
                .init(when: DisplayTime.clinic(draft.sessionStart, zone: zone), title: draft.kind == "group" ? PageText.text("session.kind.group") : PageText.text("session.kind.individual"),
                      who: draft.$patient.id.flatMap { names[$0] } ?? "", path: SiteRoute.session.path(source: draft.sourceID, storedDate: draft.sessionDate))
            },
            withoutNote: missing.map(row),
            warnings: warnings.map { .init(who: names[$0.patient.rawValue] ?? "", missed: $0.consecutiveMissed, since: DisplayTime.clinic($0.since, zone: zone),
                                           path: SiteRoute.patientSessions.path(patient: $0.patient.rawValue)) },
            overdue: overdue.map { .init(who: names[$0.$patient.id] ?? "", what: settings.catalog.definition(id: $0.instrumentID)?.title ?? $0.instrumentID,
                                         path: SiteRoute.patientMeasures.path(patient: $0.$patient.id)) },
            alerts: alerts.compactMap { alert in alert.id.map { .init(who: names[alert.$patient.id] ?? "", what: alert.level, path: SiteRoute.alert.path(alert: $0)) } },
            schedulePath: SiteRoute.schedule.path, caseloadPath: SiteRoute.caseload.path)
    }
}

/// What the therapist's day shows.
struct TherapistDayContext: Encodable {
    struct SessionRow: Encodable {
        let when: String
        let title: String
        let who: String
        let path: String
    }

    struct Warning: Encodable {
        let who: String
        let missed: Int
        let since: String
        let path: String
    }

    struct Item: Encodable {
        let who: String
        let what: String
        let path: String
    }

    let zone: String
    let today: [SessionRow]
    let week: [SessionRow]
    let unsigned: [SessionRow]
    let withoutNote: [SessionRow]
    let warnings: [Warning]
    let overdue: [Item]
    let alerts: [Item]
    let schedulePath: String
    let caseloadPath: String
}
