import Foundation
import MentalizeCore
import Testing

@Suite struct RecurrenceDSTTests {
    /// (zone, a Tuesday two weeks before the change, UTC clock before, UTC clock after, change date)
    static let changes: [(String, String, String, String, String)] = [
        ("Europe/London", "2024-03-19", "10:00", "09:00", "2024-03-31"),
        ("Europe/London", "2024-10-15", "09:00", "10:00", "2024-10-27"),
        ("Europe/Amsterdam", "2024-03-19", "09:00", "08:00", "2024-03-31"),
        ("Europe/Amsterdam", "2024-10-15", "08:00", "09:00", "2024-10-27"),
        ("America/New_York", "2024-02-27", "15:00", "14:00", "2024-03-10"),
        ("America/New_York", "2024-10-22", "14:00", "15:00", "2024-11-03"),
    ]

    @Test(arguments: changes)
    func weeklyTenOClockStaysTenLocalWhileUTCShiftsAnHour(_ change: (String, String, String, String, String)) throws {
        // setup
        let (zoneName, first, before, after, changeDay) = change
        let zone = try ClinicZone(zoneName)
        let recurrence = try Fx.weekly(zoneName, first: first, at: "10:00", end: .afterCount(4))
        // act
        let sessions = Fx.series(recurrence).occurrences(in: try Fx.window("2024-01-01", "2025-01-01"))
        // verify
        #expect(sessions.count == 4)
        for session in sessions {
            #expect(zone.localTime(of: session.slot.start).description == "10:00")
            #expect(zone.localDate(of: session.slot.start).weekday == .tuesday)
            #expect(session.slot.minutes == 50)
            let expected = session.date < (try Fx.day(changeDay)) ? before : after
            #expect(try Fx.utcClock(session.slot.start) == expected, "\(zoneName) \(session.date)")
        }
    }

    @Test func aSundaySeriesOnTheChangeDayKeepsItsLocalTime() throws {
        let zone = try ClinicZone("Europe/London")
        let recurrence = try Fx.weekly("Europe/London", first: "2024-03-24", at: "10:00", end: .afterCount(2))
        let dates = recurrence.dates(overlapping: try Fx.window("2024-03-01", "2024-05-01"))
        #expect(dates.map(\.description) == ["2024-03-24", "2024-03-31"])
        #expect(try Fx.utcClock(recurrence.slot(on: dates[1]).start) == "09:00")
        #expect(zone.localTime(of: recurrence.slot(on: dates[1]).start).description == "10:00")
    }

    @Test func aTimeInTheSpringGapMovesForwardAndARepeatedTimeTakesTheFirst() throws {
        let london = try ClinicZone("Europe/London")
        let gap = london.instant(on: try Fx.day("2024-03-31"), at: try Fx.time("01:30"))
        #expect(try Fx.utcClock(gap) == "01:30")
        #expect(london.localTime(of: gap).description == "02:30")
        let repeated = london.instant(on: try Fx.day("2024-10-27"), at: try Fx.time("01:30"))
        #expect(try Fx.utcClock(repeated) == "00:30")
        let newYork = try ClinicZone("America/New_York")
        let repeatedNY = newYork.instant(on: try Fx.day("2024-11-03"), at: try Fx.time("01:30"))
        #expect(try Fx.utcClock(repeatedNY) == "05:30")
    }

    @Test func windowsAreHalfOpenAndSeriesEndsAreRespected() throws {
        let recurrence = try Fx.weekly("Europe/Amsterdam", first: "2024-01-02", at: "10:00", end: .onOrBefore(try Fx.day("2024-01-29")))
        #expect(recurrence.lastDate?.description == "2024-01-23")
        let all = recurrence.dates(overlapping: try Fx.window("2023-12-01", "2024-12-01"))
        #expect(all.map(\.description) == ["2024-01-02", "2024-01-09", "2024-01-16", "2024-01-23"])
        // A window ending exactly when the 9 January session starts (09:00 UTC) excludes it.
        let window = try TimeSlot(start: Fx.utc("2024-01-03", "00:00"), end: Fx.utc("2024-01-09", "09:00"))
        #expect(recurrence.dates(overlapping: window).isEmpty)
        #expect(!recurrence.isOccurrenceDate(try Fx.day("2024-01-03")))
        #expect(!recurrence.isOccurrenceDate(try Fx.day("2024-01-30")))
    }

    @Test func invalidInputIsRefusedWithAReason() throws {
        #expect(throws: SchedulingError.unknownTimeZone("Mars/Olympus")) { try ClinicZone("Mars/Olympus") }
        #expect(throws: SchedulingError.invalidDate("2023-02-29")) { try LocalDate(iso: "2023-02-29") }
        #expect(throws: SchedulingError.invalidTime("24:00")) { try LocalTime(text: "24:00") }
        #expect(throws: SchedulingError.invalidDuration(0)) { try Fx.weekly("UTC", first: "2024-01-01", at: "10:00", minutes: 0) }
        #expect(throws: SchedulingError.invalidOccurrenceCount(0)) { try Fx.weekly("UTC", first: "2024-01-01", at: "10:00", end: .afterCount(0)) }
        #expect(try LocalDate(iso: "2024-02-29").weekday == .thursday)
    }

    @Test func storedValuesRoundTripAndInvalidStoredValuesAreRefused() throws {
        let recurrence = try Fx.weekly("Europe/London", first: "2024-03-19", at: "10:00", end: .afterCount(3))
        let data = try JSONEncoder().encode(recurrence)
        #expect(try JSONDecoder().decode(WeeklyRecurrence.self, from: data) == recurrence)
        let broken = Data(#"{"zone":"Europe/London","firstDate":"2024-13-01","time":"10:00","durationMinutes":50,"end":{"never":{}}}"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(WeeklyRecurrence.self, from: broken) }
    }
}
