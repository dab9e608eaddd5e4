import Fluent
import Foundation
import MentalizeCore

/// When the clinic's team is at work, as stored for the clinic: its zone, office hours (Monday to
/// Friday 9 to 5 until it sets its own), holidays, and the instruction patients get out of hours.
struct ClinicHours: Sendable {
    let zone: ClinicZone
    let officeHours: OfficeHours
    let holidays: Set<LocalDate>
    /// The clinic's own words for out of hours, shown after "your team will see this …".
    let outOfHoursText: String?

    static func load(_ clinic: Clinic, on database: any Database) async throws -> ClinicHours {
        let zone = try (try? ClinicZone(clinic.timeZone)) ?? ClinicZone("UTC")
        let hours = clinic.officeHours.flatMap { try? OfficeHours(storedText: $0) } ?? .weekdaysNineToFive
        let days = try await ClinicHolidayRecord.query(on: database).filter(\.$clinic.$id == clinic.requireID()).all()
        return ClinicHours(zone: zone, officeHours: hours, holidays: Set(days.compactMap { try? LocalDate(iso: $0.date) }), outOfHoursText: clinic.outOfHoursText)
    }

    /// The hours of the installation's clinic, or nil when it has none yet.
    static func load(on database: any Database) async throws -> ClinicHours? {
        guard let clinic = try await ClinicQueries(database: database).first() else { return nil }
        return try await load(clinic, on: database)
    }

    func isOpen(at instant: Date) -> Bool {
        officeHours.isOpen(at: instant, zone: zone, holidays: holidays)
    }

    /// "Monday 7 December at 09:00", or "today at 09:00", for the next opening after `instant`.
    func nextOpeningText(after instant: Date, in language: String = DisplayTime.language) -> String? {
        guard let next = officeHours.nextOpening(atOrAfter: instant, zone: zone, holidays: holidays) else { return nil }
        let day = zone.localDate(of: next)
        let time = "\(zone.localTime(of: next))"
        if day == zone.localDate(of: instant) { return PageText.text("hours.todayAt", in: language).replacingOccurrences(of: "{time}", with: time) }
        if day == zone.localDate(of: instant).adding(days: 1) { return PageText.text("hours.tomorrowAt", in: language).replacingOccurrences(of: "{time}", with: time) }
        return PageText.text("hours.dayAt", in: language)
            .replacingOccurrences(of: "{day}", with: "\(DateWords.weekdayLong(day.weekday, in: language)) \(day.day) \(DateWords.monthLong(day.month, in: language))")
            .replacingOccurrences(of: "{time}", with: time)
    }

    /// "Wednesday 9 December 2026 at 10:00 (Europe/London)": an instant in the clinic's zone, in
    /// `language` (the page's, or an e-mail recipient's).
    func dateTimeText(_ instant: Date, in language: String = DisplayTime.language) -> String {
        let day = zone.localDate(of: instant)
        let date = "\(DateWords.weekdayLong(day.weekday, in: language)) \(day.day) \(DateWords.monthLong(day.month, in: language)) \(day.year)"
        return PageText.text("hours.dayAt", in: language).replacingOccurrences(of: "{day}", with: date)
            .replacingOccurrences(of: "{time}", with: "\(zone.localTime(of: instant))") + " (\(zone.identifier))"
    }
}
