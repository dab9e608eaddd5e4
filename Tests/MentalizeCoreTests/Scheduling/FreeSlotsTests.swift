import Foundation
import Testing
@testable import MentalizeCore

/// Free starts in a week: inside office hours only, never over the therapist's sessions, with the
/// rooms free for the whole session, none on a holiday or a closed day, none in the past, and
/// correct across the change to summer time.
@Suite struct FreeSlotsTests {
    private func finder(holidays: Set<LocalDate> = [], zone: String = "UTC") throws -> FreeSlots {
        FreeSlots(zone: try ClinicZone(zone), hours: .weekdaysNineToFive, holidays: holidays, minutes: 50, step: 60)
    }

    @Test func startsFitTheDayAndStepAroundTheTherapistsSessions() throws {
        let monday = try Fx.day("2026-12-07")
        let busy = [try Fx.slot("2026-12-07", "11:00", minutes: 50), try Fx.slot("2026-12-07", "13:30", minutes: 60)]
        let slots = try finder().slots(on: monday, notBefore: .distantPast, therapistBusy: busy, rooms: [])
        let times = slots.map { Calendar.utc.component(.hour, from: $0.start) }
        #expect(times == [9, 10, 12, 15, 16], "11:00 is taken, 13:00 and 14:00 overlap 13:30–14:30, 17:00 would end after closing")
        #expect(slots.allSatisfy { $0.end.timeIntervalSince($0.start) == 50 * 60 })
    }

    @Test func eachStartNamesTheRoomsFreeForTheWholeSession() throws {
        let monday = try Fx.day("2026-12-07")
        let roomOneBusy = [try Fx.slot("2026-12-07", "09:40", minutes: 10)]
        let slots = try finder().slots(on: monday, notBefore: .distantPast, therapistBusy: [],
                                       rooms: [(key: "one", busy: roomOneBusy), (key: "two", busy: [])])
        #expect(slots.first?.freeRooms == ["two"], "room one is taken for the last ten minutes of 09:00–09:50")
        #expect(slots.dropFirst().allSatisfy { $0.freeRooms == ["one", "two"] })
    }

    @Test func holidaysWeekendsAndThePastHaveNone() throws {
        let christmas = try Fx.day("2026-12-25")
        #expect(try finder(holidays: [christmas]).slots(on: christmas, notBefore: .distantPast, therapistBusy: [], rooms: []).isEmpty)
        #expect(try finder().slots(on: try Fx.day("2026-12-26"), notBefore: .distantPast, therapistBusy: [], rooms: []).isEmpty, "Saturday is closed")
        let afternoon = try Fx.utc("2026-12-07", "14:10")
        let later = try finder().slots(on: try Fx.day("2026-12-07"), notBefore: afternoon, therapistBusy: [], rooms: [])
        #expect(later.map { Calendar.utc.component(.hour, from: $0.start) } == [15, 16], "nothing already begun")
    }

    @Test func localOfficeHoursHoldAcrossSummerTime() throws {
        // London moves to BST on Sunday 29 March 2026: 09:00 on Monday 30 March is 08:00 UTC.
        let slots = try finder(zone: "Europe/London").slots(on: try Fx.day("2026-03-30"), notBefore: .distantPast, therapistBusy: [], rooms: [])
        #expect(slots.first?.start == (try Fx.utc("2026-03-30", "08:00")))
        #expect(slots.count == 8)
    }
}

private extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()
}
