import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// One MBT-I course session moved on its own: the rest of the course keeps its weekly time, the
/// curriculum order stands, a clash is refused, and restoring puts it back.
@Suite struct CourseSessionTests {
    @Test func aSingleCourseSessionMovesAndTheRestKeepTheirTime() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the demo course (Birch, Thursdays 16:00) starts in a few weeks
            let loader = try await SessionFixtures.loader(app)
            let now = app.clock.now()
            let window = try TimeSlot(start: now, end: now.addingTimeInterval(120 * 86_400))
            let course = try await loader.forGroup(DemoSessions.courseGroup, in: window)
            try #require(course.count >= 3)
            let second = course[1]
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let path = SessionFixtures.path(second)
            try await birch.get(path)
            let thursday = loader.zone.localDate(of: second.slot.start)
            let friday = thursday.adding(days: 1)
            // act: a clash with Birch's Thursday 09:00 individual session is refused
            let clash = try await birch.post(path + "/change", form: ["action": "move", "date": thursday.description, "time": "09:30"])
            #expect(clash.status == .badRequest && clash.body.string.contains("already"))
            let moved = try await birch.post(path + "/change", form: ["action": "move", "date": friday.description, "time": "11:00"])
            #expect(moved.status == .seeOther)
            // verify
            let after = try await loader.forGroup(DemoSessions.courseGroup, in: window)
            #expect(after.map(\.title) == course.map(\.title), "the curriculum keeps its order")
            #expect(after[1].key == second.key && loader.zone.localDate(of: after[1].slot.start) == friday && loader.zone.localTime(of: after[1].slot.start).description == "11:00")
            #expect(after[1].slot.minutes == second.slot.minutes)
            #expect(after[0].slot == course[0].slot && after[2].slot == course[2].slot)
            let page = try await birch.get(path).body.string
            #expect(page.contains("Moved") && page.contains(loader.zone.dayText(friday)))
            // Restoring puts it back in its week.
            #expect(try await birch.post(path + "/change", form: ["action": "restore"]).status == .seeOther)
            #expect(try await loader.forGroup(DemoSessions.courseGroup, in: window)[1].slot == second.slot)
        }
    }
}
