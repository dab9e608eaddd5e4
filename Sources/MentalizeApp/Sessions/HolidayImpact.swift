import Fluent
import Foundation
import MentalizeCore

/// What a clinic holiday does to the schedule on its day: weekly individual and group sessions
/// that would have taken place are cancelled (moved ones keep their new time), and MBT-I courses
/// meeting that day move back a week. Counted by expanding the clinic's series for that one day
/// without the holiday.
struct HolidayImpact: Equatable {
    let cancelledSessions: Int
    let postponedCourses: Int

    static func of(_ date: LocalDate, loader: ScheduleLoader) async throws -> HolidayImpact {
        let without = ScheduleLoader(database: loader.database, clinicID: loader.clinicID, zone: loader.zone, mapping: loader.mapping,
                                     holidays: ClinicHolidays(loader.holidays.names.filter { $0.key != date }), officeHours: loader.officeHours)
        let day = try TimeSlot(start: loader.zone.instant(on: date, at: .midnight), end: loader.zone.instant(on: date.adding(days: 1), at: .midnight))
        let series = try await SessionQueries(database: loader.database).series(ofClinic: loader.clinicID)
        let sessions = try await without.expand(series, in: day).filter { $0.status == .scheduled && loader.zone.localDate(of: $0.slot.start) == date }
        return HolidayImpact(cancelledSessions: sessions.filter { $0.kind != .course }.count,
                             postponedCourses: Set(sessions.filter { $0.kind == .course }.map(\.key.source)).count)
    }
}
