import Foundation
import MentalizeCore
import Testing

@Suite struct SeriesExceptionTests {
    func series() throws -> SessionSeries {
        Fx.series(try Fx.weekly("Europe/London", first: "2024-12-03", at: "10:00"))
    }

    @Test func holidaysCancelAndExplicitChangesWin() throws {
        // setup
        var series = try series()
        let holidays = ClinicHolidays([try Fx.day("2024-12-24"): "Christmas Eve", try Fx.day("2024-12-31"): "New Year's Eve"])
        try series.move(on: try Fx.day("2024-12-31"), to: try Fx.slot("2025-01-02", "14:00", minutes: 50))
        try series.cancel(on: try Fx.day("2024-12-10"), reason: .clinic)
        // act
        let found = series.occurrences(in: try Fx.window("2024-12-01", "2025-01-08"), holidays: holidays)
        // verify
        #expect(found.map(\.date.description) == ["2024-12-03", "2024-12-10", "2024-12-17", "2024-12-24", "2024-12-31", "2025-01-07"])
        #expect(found[1].status == .cancelled(.clinic))
        #expect(found[3].status == .cancelled(.holiday))
        #expect(!found[3].takesPlace)
        #expect(try Fx.utcClock(found[4].slot.start) == "14:00")
        #expect(found[4].status == .moved(from: try Fx.slot("2024-12-31", "10:00", minutes: 50)))
    }

    @Test func aSessionMovedIntoTheWindowAppearsAndOneMovedOutDisappears() throws {
        var series = try series()
        try series.move(on: try Fx.day("2024-12-03"), to: try Fx.slot("2024-12-12", "09:00", minutes: 50))
        try series.move(on: try Fx.day("2024-12-17"), to: try Fx.slot("2024-12-23", "09:00", minutes: 50))
        let found = series.occurrences(in: try Fx.window("2024-12-11", "2024-12-18"))
        #expect(found.map(\.date.description) == ["2024-12-03"])
        series.restore(on: try Fx.day("2024-12-17"))
        #expect(series.occurrences(in: try Fx.window("2024-12-11", "2024-12-18")).count == 2)
    }

    @Test func changesMustTargetASessionOfTheSeries() throws {
        var series = try series()
        #expect(throws: SchedulingError.notAnOccurrence(try Fx.day("2024-12-04"))) {
            try series.cancel(on: try Fx.day("2024-12-04"), reason: .patient)
        }
    }

    @Test func endingASeriesDropsLaterChangesSoANewTimeCanStart() throws {
        var series = try series()
        try series.cancel(on: try Fx.day("2025-01-14"), reason: .clinic)
        try series.end(onOrBefore: try Fx.day("2024-12-31"))
        #expect(series.changes.isEmpty)
        #expect(series.occurrences(in: try Fx.window("2024-12-01", "2025-03-01")).count == 5)
        #expect(throws: SchedulingError.endBeforeStart(first: try Fx.day("2024-12-03"), last: try Fx.day("2024-11-01"))) {
            try series.end(onOrBefore: try Fx.day("2024-11-01"))
        }
    }

    @Test func individualSeriesBookingsSkipCancelledSessions() throws {
        var series = try series()
        try series.cancel(on: try Fx.day("2024-12-10"), reason: .patient)
        let individual = IndividualSeries(patient: Fx.patient(), therapist: Fx.user(), series: series, modality: .phone)
        let bookings = individual.bookings(in: try Fx.window("2024-12-01", "2024-12-15"), label: "individual session")
        #expect(bookings.count == 1)
        #expect(bookings[0].id == BookingID(source: series.id.rawValue, date: try Fx.day("2024-12-03")))
    }
}
