import Foundation
import MentalizeCore
import Testing

@Suite struct MBTICourseTests {
    static let titles = (1...12).map { "Session \($0)" }

    func course(_ titles: [String] = titles) throws -> MBTICourse {
        try MBTICourse(id: CourseID(UUID()), title: "MBT-I spring", recurrence: try Fx.weekly("Europe/Amsterdam", first: "2024-03-04", at: "13:00", minutes: 90),
                       curriculum: titles, therapists: try GroupTherapists([Fx.user()]), modality: .inPerson(try Fx.room("Group room")))
    }

    @Test func aCourseHasTenToTwelveTitledSessions() throws {
        #expect(throws: SchedulingError.courseLength(count: 9, allowed: 10...12)) { try course(Array(Self.titles.prefix(9))) }
        #expect(throws: SchedulingError.courseLength(count: 13, allowed: 10...12)) { try course(Self.titles + ["extra"]) }
        #expect(throws: SchedulingError.emptyName(.courseTitle)) { try course(Array(Self.titles.prefix(9)) + [" "]) }
        #expect(try course(Array(Self.titles.prefix(10))).sessions().count == 10)
    }

    @Test func holidaysAndSkippedWeeksPushTheRestBackAndEveryTitleIsHeld() throws {
        // setup
        var course = try course()
        let holidays = ClinicHolidays([try Fx.day("2024-04-01"): "Easter Monday"])
        try course.skipWeek(try Fx.day("2024-05-27"))
        try course.move(session: 3, to: try Fx.slot("2024-03-20", "12:00", minutes: 90))
        // act
        let sessions = try course.sessions(holidays: holidays)
        // verify
        #expect(sessions.count == 12)
        #expect(sessions.map(\.title) == Self.titles)
        #expect(sessions[3].date.description == "2024-03-25")
        #expect(sessions[4].date.description == "2024-04-08")
        #expect(sessions[11].date.description == "2024-06-03")
        #expect(sessions[2].isMoved)
        #expect(try Fx.utcClock(sessions[2].slot.start) == "12:00")
        #expect(try Fx.utcClock(sessions[0].slot.start) == "12:00")
        #expect(try Fx.utcClock(sessions[4].slot.start) == "11:00")
        #expect(try course.bookings(holidays: holidays)[0].label == "MBT-I spring: Session 1")
    }

    @Test func impossibleChangesAreRefused() throws {
        var course = try course()
        #expect(throws: SchedulingError.courseSessionNumber(13, count: 12)) { try course.move(session: 13, to: try Fx.slot("2024-03-20", "12:00", minutes: 90)) }
        #expect(throws: SchedulingError.notAnOccurrence(try Fx.day("2024-03-05"))) { try course.skipWeek(try Fx.day("2024-03-05")) }
        var closed = ClinicHolidays()
        for week in 0..<40 { closed.add(try Fx.day("2024-03-04").adding(days: week * 7), name: "Closed") }
        #expect(throws: SchedulingError.courseCannotBePlaced(weeksTried: 38)) { try course.sessions(holidays: closed) }
    }
}
