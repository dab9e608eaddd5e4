import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import VaporTesting

/// Shortcuts for the scheduling tests: demo people, the demo clinic's loader, and finding the
/// demo sessions the seed created.
enum SessionFixtures {
    static let avery = DemoPatients.all[0]
    static let blake = DemoPatients.all[1]
    static let casey = DemoPatients.all[2]
    static let emery = DemoPatients.all[4]
    static let kai = DemoPatients.all[10]
    static let tuesdayGroup = DemoIDs.id(300)

    static func loader(_ app: Application) async throws -> ScheduleLoader {
        try await ScheduleLoader.make(database: app.db, clinicID: DemoSeed.clinicID)
    }

    /// The most recent past session of `therapist` matching `filter` (the seed leaves last week's unsigned).
    static func latestPast(_ app: Application, therapist: UUID, _ filter: (ScheduledSession) -> Bool) async throws -> ScheduledSession? {
        let now = app.clock.now()
        let window = try TimeSlot(start: now.addingTimeInterval(-21 * 86_400), end: now)
        return try await loader(app).forTherapist(therapist, in: window).filter { $0.takesPlace && $0.slot.end < now && filter($0) }.last
    }

    static func path(_ session: ScheduledSession) -> String {
        SiteRoute.session.filled(["sessionKey": session.key.description])
    }

    /// A free future Monday-to-Sunday date in the clinic's zone, `weeks` ahead.
    /// The date and the same weekday in the two weeks after it are clinic days (no holiday), so a
    /// test that books on them behaves alike whatever day the suite runs (Christmas included):
    /// the date moves on a week at a time until that holds.
    static func date(weeksAhead weeks: Int, weekday: Weekday, _ app: Application) async throws -> LocalDate {
        let zone = try await loader(app).zone
        let today = zone.localDate(of: app.clock.now())
        let monday = today.adding(days: -(Weekday.allCases.firstIndex(of: today.weekday) ?? 0))
        let holidays = Set(try await ClinicHolidayRecord.query(on: app.db).all().map(\.date))
        var date = monday.adding(days: weeks * 7 + (Weekday.allCases.firstIndex(of: weekday) ?? 0))
        while [0, 7, 14].contains(where: { holidays.contains(date.adding(days: $0).description) }) {
            date = date.adding(days: 7)
        }
        return date
    }
}
