import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// A session with attendance or a note on record is part of what happened: it can no longer be
/// cancelled or moved (individual, group and MBT-I course sessions alike), and a clinic holiday
/// offers no restore that cannot work.
@Suite struct SessionChangeLockTests {
    @Test func heldSessionsWithAttendanceCannotBeCancelledOrMoved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the seed records attendance for every past session
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let individual = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let group = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.groupID == SessionFixtures.tuesdayGroup })
            let future = try await SessionFixtures.date(weeksAhead: 3, weekday: .wednesday, app)
            for session in [individual, group] {
                let path = SessionFixtures.path(session)
                // verify: the page explains instead of offering cancel and move
                let page = try await ash.get(path).body.string
                #expect(page.contains("id=\"change-locked\"") && page.contains("Attendance is recorded for this session"))
                #expect(!page.contains("value=\"move\"") && !page.contains("value=\"cancel\"") && !page.contains("value=\"restore\""))
                // act + verify: posting anyway is refused and nothing changes
                let cancel = try await ash.post(path + "/change", form: ["action": "cancel", "reason": "clinic"])
                #expect(cancel.status == .conflict && cancel.body.string.contains("can no longer be cancelled or moved"))
                let move = try await ash.post(path + "/change", form: ["action": "move", "date": future.description, "time": "07:00"])
                #expect(move.status == .conflict)
                let after = try #require(try await SessionFixtures.loader(app).session(session.key))
                #expect(after.status == .scheduled && after.slot == session.slot)
                #expect(try await SeriesChangeRecord.query(on: app.db).filter(\.$series.$id == session.key.source).filter(\.$originalDate == session.key.date.description).count() == 0)
            }
        }
    }

    @Test func aDraftNoteLocksACourseSessionToo() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: an upcoming MBT-I course session gets a draft note (drafting ahead is allowed)
            let loader = try await SessionFixtures.loader(app)
            let now = app.clock.now()
            let course = try await loader.forGroup(DemoSessions.courseGroup, in: try TimeSlot(start: now, end: now.addingTimeInterval(120 * 86_400)))
            let session = try #require(course.first)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let path = SessionFixtures.path(session)
            #expect(try await birch.get(path).body.string.contains("value=\"move\""), "open while nothing is on record")
            #expect(try await birch.post(path + "/note", form: ["narrative": "Prepared the mentalizing exercise.", "action": "save"]).status == .seeOther)
            // act
            let skip = try await birch.post(path + "/change", form: ["action": "cancel", "reason": "clinic"])
            // verify
            #expect(skip.status == .conflict && skip.body.string.contains("A note exists for this session"))
            #expect(!(try await birch.get(path).body.string.contains("value=\"move\"")))
            #expect(try await SessionFixtures.loader(app).forGroup(DemoSessions.courseGroup, in: try TimeSlot(start: now, end: now.addingTimeInterval(120 * 86_400))).first?.slot == session.slot)
        }
    }

    @Test func aClinicHolidayOffersNoRestoreButSaysHowToHoldTheSession() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a holiday on the day of Ash's next weekly individual session
            let loader = try await SessionFixtures.loader(app)
            let now = app.clock.now()
            let fortnight = try TimeSlot(start: now.addingTimeInterval(86_400), end: now.addingTimeInterval(15 * 86_400))
            let target = try #require(try await loader.forTherapist(DemoStaff.therapistAsh.id, in: fortnight).first { !$0.isOneOff && $0.kind == .individual && $0.status == .scheduled })
            try await ClinicHolidayRecord(clinicID: DemoSeed.clinicID, date: loader.zone.localDate(of: target.slot.start).description, name: "Closure").create(on: app.db)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = SessionFixtures.path(target)
            // verify: no restore button, a hint instead; posting restore says why
            let page = try await ash.get(path).body.string
            #expect(page.contains("Cancelled (clinic holiday)") && page.contains("id=\"restore-hint\"") && !page.contains("value=\"restore\""))
            let restore = try await ash.post(path + "/change", form: ["action": "restore"])
            #expect(restore.status == .conflict && restore.body.string.contains("This day is a clinic holiday"))
            // Moving it to another time holds it after all, and that move can be restored.
            let later = loader.zone.localTime(of: target.slot.start.addingTimeInterval(3600)).description
            #expect(try await ash.post(path + "/change", form: ["action": "move", "date": target.key.date.description, "time": later]).status == .seeOther)
            #expect(try await SessionFixtures.loader(app).session(target.key)?.takesPlace == true)
            #expect(try await ash.get(path).body.string.contains("value=\"restore\""))
        }
    }
}
