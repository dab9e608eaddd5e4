import Foundation
import MentalizeCore

/// Small builders shared by the scheduling tests.
enum Fx {
    static func day(_ text: String) throws -> LocalDate { try LocalDate(iso: text) }
    static func time(_ text: String) throws -> LocalTime { try LocalTime(text: text) }

    /// An instant given as UTC wall-clock, e.g. utc("2024-03-26", "10:00").
    static func utc(_ day: String, _ time: String) throws -> Date {
        try ClinicZone("UTC").instant(on: Fx.day(day), at: Fx.time(time))
    }

    static func slot(_ day: String, _ start: String, minutes: Int) throws -> TimeSlot {
        try TimeSlot(start: utc(day, start), minutes: minutes)
    }

    static func window(_ from: String, _ to: String) throws -> TimeSlot {
        try TimeSlot(start: utc(from, "00:00"), end: utc(to, "00:00"))
    }

    static func weekly(_ zone: String, first: String, at time: String, minutes: Int = 50, end: RecurrenceEnd = .never) throws -> WeeklyRecurrence {
        try WeeklyRecurrence(zone: ClinicZone(zone), firstDate: day(first), time: Fx.time(time), durationMinutes: minutes, end: end)
    }

    static func series(_ recurrence: WeeklyRecurrence) -> SessionSeries {
        SessionSeries(id: SeriesID(UUID()), recurrence: recurrence)
    }

    static func room(_ name: String) throws -> Room { try Room(id: RoomID(UUID()), name: name) }
    static func user() -> UserID { UserID(UUID()) }
    static func patient() -> PatientID { PatientID(UUID()) }

    /// UTC hour and minute of an instant, e.g. "09:00".
    static func utcClock(_ date: Date) throws -> String { try ClinicZone("UTC").localTime(of: date).description }
}
