import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The programme lead keeps the clinic's rooms and holidays: rooms in use cannot be removed, a
/// holiday cancels that day's weekly sessions at once (and says how many), a removed upcoming
/// holiday restores them, past holidays stay.
@Suite struct ClinicCalendarTests {
    @Test func theLeadAddsRoomsAndCannotRemoveOneInUse() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/programme/rooms").status == .ok)
            #expect(try await lead.post("/programme/rooms", form: ["name": " x "]).status == .badRequest)
            #expect(try await lead.post("/programme/rooms", form: ["name": "Garden room"]).status == .seeOther)
            let duplicate = try await lead.post("/programme/rooms", form: ["name": "garden ROOM"])
            #expect(duplicate.status == .badRequest && duplicate.body.string.contains("already a room with this name"))
            let garden = try #require(try await RoomRecord.query(on: app.db).filter(\.$name == "Garden room").first())
            // The new room is offered when booking.
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/patients/\(SessionFixtures.avery.id.uuidString)/sessions").body.string.contains("Garden room"))
            // A room that sessions use stays.
            let used = try #require(try await SessionSeriesRecord.query(on: app.db).filter(\.$room.$id != nil).first()?.$room.id)
            let refused = try await lead.post("/programme/rooms/\(used.uuidString)/remove", form: [:])
            #expect(refused.status == .conflict && refused.body.string.contains("cannot be removed"))
            #expect(try await RoomRecord.find(used, on: app.db) != nil)
            #expect(try await lead.post("/programme/rooms/\(try garden.requireID().uuidString)/remove", form: [:]).status == .seeOther)
            #expect(try await RoomRecord.find(garden.requireID(), on: app.db) == nil)
            #expect(try await lead.post("/programme/rooms/\(UUID().uuidString)/remove", form: [:]).status == .notFound)
            // Therapists do not manage rooms.
            #expect(try await ash.get("/programme/rooms").status == .notFound)
            #expect(try await ash.post("/programme/rooms", form: ["name": "Sneaky"]).status == .notFound)
        }
    }

    @Test func aHolidayCancelsThatDaysSessionsAndSaysHowMany() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Ash's next weekly individual session, and every session the clinic has that day
            let loader = try await SessionFixtures.loader(app)
            let now = app.clock.now()
            let fortnight = try TimeSlot(start: now.addingTimeInterval(86_400), end: now.addingTimeInterval(15 * 86_400))
            let target = try #require(try await loader.forTherapist(DemoStaff.therapistAsh.id, in: fortnight).first { !$0.isOneOff && $0.kind == .individual && $0.status == .scheduled })
            let day = loader.zone.localDate(of: target.slot.start)
            var expected = Set<SessionKey>()
            for therapist in [DemoStaff.therapistAsh.id, DemoStaff.therapistBirch.id] {
                for session in try await loader.forTherapist(therapist, in: fortnight)
                where !session.isOneOff && session.kind != .course && session.status == .scheduled && loader.zone.localDate(of: session.slot.start) == day {
                    expected.insert(session.key)
                }
            }
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/programme/holidays")
            // act: bad input first, then the holiday
            #expect(try await lead.post("/programme/holidays", form: ["date": "2026-02-30", "name": "Nope"]).status == .badRequest)
            #expect(try await lead.post("/programme/holidays", form: ["date": day.description, "name": ""]).status == .badRequest)
            let added = try await lead.post("/programme/holidays", form: ["date": day.description, "name": "Staff training day"])
            #expect(added.status == .seeOther)
            // verify: the page counts the cancelled sessions; the session says so
            let page = try await lead.get(try #require(added.headers.first(name: .location))).body.string
            #expect(page.contains("\(loader.zone.dayText(day)) is now a clinic holiday. Sessions cancelled that day: \(expected.count)."))
            #expect(page.contains("Staff training day"))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get(SessionFixtures.path(target)).body.string.contains("Cancelled (clinic holiday)"))
            let again = try await lead.post("/programme/holidays", form: ["date": day.description, "name": "Twice"])
            #expect(again.status == .badRequest && again.body.string.contains("already a clinic holiday"))
            // Removing the upcoming holiday restores the session.
            let holiday = try #require(try await ClinicHolidayRecord.query(on: app.db).filter(\.$date == day.description).first())
            #expect(try await lead.post("/programme/holidays/\(try holiday.requireID().uuidString)/remove", form: [:]).status == .seeOther)
            #expect(try await ash.get(SessionFixtures.path(target)).body.string.contains("Scheduled"))
            // A past holiday stays.
            let past = ClinicHolidayRecord(clinicID: DemoSeed.clinicID, date: loader.zone.localDate(of: now).adding(days: -30).description, name: "Earlier closure")
            try await past.create(on: app.db)
            let keep = try await lead.post("/programme/holidays/\(try past.requireID().uuidString)/remove", form: [:])
            #expect(keep.status == .conflict && keep.body.string.contains("A past holiday stays on record"))
            #expect(try await ClinicHolidayRecord.find(past.requireID(), on: app.db) != nil)
            #expect(try await ash.post("/programme/holidays", form: ["date": day.description, "name": "Sneaky"]).status == .notFound)
        }
    }

    @Test func aHolidayCannotBeAddedForADayThatHasPassed() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Ash's most recent weekly session, already held
            let loader = try await SessionFixtures.loader(app)
            let today = loader.zone.localDate(of: app.clock.now())
            let held = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { !$0.isOneOff && $0.kind == .individual })
            let day = loader.zone.localDate(of: held.slot.start)
            try #require(day < today)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/programme/holidays")
            // act
            let refused = try await lead.post("/programme/holidays", form: ["date": day.description, "name": "Afterthought closure"])
            // verify: refused with the typed values kept; nothing stored; the session still took place
            let body = refused.body.string
            #expect(refused.status == .conflict)
            #expect(body.contains("That day has already passed.") && body.contains("value=\"\(day.description)\"") && body.contains("value=\"Afterthought closure\""))
            #expect(try await ClinicHolidayRecord.query(on: app.db).filter(\.$date == day.description).first() == nil)
            #expect(try await SessionFixtures.loader(app).session(held.key)?.takesPlace == true)
            // Today itself stays allowed (a snow closure).
            #expect(try await lead.post("/programme/holidays", form: ["date": today.description, "name": "Snow closure"]).status == .seeOther)
        }
    }
}
