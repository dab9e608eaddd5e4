import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Booking weekly series and single sessions: clashes of therapist or room are refused with a
/// clear message, bad input comes back kept (400), and weekly series keep their wall-clock time
/// across daylight-saving changes.
@Suite struct BookingTests {
    let patientPath = "/patients/\(SessionFixtures.avery.id.uuidString)/sessions"

    @Test func aTherapistBooksAWeeklySeriesAndAClashIsRefused() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(patientPath)
            let friday = try await SessionFixtures.date(weeksAhead: 2, weekday: .friday, app)
            // act
            let booked = try await ash.post(patientPath + "/series", form: ["date": friday.description, "time": "15:00", "minutes": "50", "modality": "inPerson", "roomID": DemoSessions.roomOne.uuidString])
            let caseyPath = "/patients/\(SessionFixtures.casey.id.uuidString)/sessions"
            try await ash.get(caseyPath)
            let clash = try await ash.post(caseyPath + "/one-off", form: ["date": friday.adding(days: 7).description, "time": "15:30", "modality": "phone"])
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let blakePath = "/patients/\(SessionFixtures.blake.id.uuidString)/sessions"
            try await birch.get(blakePath)
            let roomClash = try await birch.post(blakePath + "/series", form: ["date": friday.adding(days: 14).description, "time": "15:20", "modality": "inPerson", "roomID": DemoSessions.roomOne.uuidString])
            // verify
            #expect(booked.status == .seeOther)
            let series = try await SessionSeriesRecord.query(on: app.db).filter(\.$patient.$id == SessionFixtures.avery.id).filter(\.$firstDate == friday.description).first()
            #expect(series?.startTime == "15:00" && series?.durationMinutes == 50)
            #expect(clash.status == .conflict)
            #expect(clash.body.string.contains("Robin Ash (demo therapist) is already booked"), "names who clashes")
            #expect(clash.body.string.contains("15:30") && clash.body.string.contains("(Europe/London)"), "both times in the clinic's zone")
            #expect(roomClash.status == .conflict && roomClash.body.string.contains("Room 1 is already booked"))
            let dutchClash = try await ash.post(caseyPath + "/one-off", form: ["date": friday.adding(days: 7).description, "time": "15:30", "modality": "phone"],
                                                headers: ["Accept-Language": "nl"])
            #expect(dutchClash.status == .conflict && dutchClash.body.string.contains("Robin Ash (demo therapist) is al ingepland op vr "), "the clash in Dutch, with Dutch day names")
            #expect(try await OneOffSessionRecord.query(on: app.db).count() == 0, "nothing booked on a clash")
            let week = try await ash.get("/schedule?week=\(friday)").body.string
            #expect(week.contains("15:00–15:50") && week.contains("Avery Testpatient"))
        }
    }

    @Test func theBookingTherapistSeesTheirFreeTimesWithRoomsAndAChoiceFillsTheForm() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let friday = try await SessionFixtures.date(weeksAhead: 2, weekday: .friday, app)
            try await ash.get(patientPath)
            // Ash takes Friday 10:00 in Room 1; Birch takes Room 2 at 11:00.
            #expect(try await ash.post(patientPath + "/one-off", form: ["date": friday.description, "time": "10:00", "minutes": "50", "modality": "inPerson",
                                                                          "roomID": DemoSessions.roomOne.uuidString]).status == .seeOther)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let blakePath = "/patients/\(SessionFixtures.blake.id.uuidString)/sessions"
            try await birch.get(blakePath)
            #expect(try await birch.post(blakePath + "/one-off", form: ["date": friday.description, "time": "11:00", "minutes": "50", "modality": "inPerson",
                                                                          "roomID": DemoSessions.roomTwo.uuidString]).status == .seeOther)
            let page = try await ash.get(patientPath + "?week=\(friday)").body.string
            let day = String(try #require(page.firstMatch(of: try Regex("<h3>Fri [^<]+</h3><ul class=\"free-slots\">(.*?)</ul>").dotMatchesNewlines())).output[1].substring ?? "")
            let times = day.matches(of: /<a href="[^"]+">(\d\d:\d\d)<\/a> <span class="hint">([^<]*)<\/span>/).map { (String($0.1), String($0.2)) }
            #expect(times.first?.0 == "09:00" && !times.contains { $0.0 == "10:00" }, "Ash's own 10:00 is not free: \(times)")
            let eleven = try #require(times.first { $0.0 == "11:00" })
            #expect(eleven.1.contains("Room 1") && !eleven.1.contains("Room 2"), "Room 2 is Birch's at 11:00")
            let link = try #require(day.firstMatch(of: /href="([^"]+time=09:00[^"]*)"/)).1.replacingOccurrences(of: "&amp;", with: "&")
            let filled = try await ash.get(String(link)).body.string
            #expect(filled.contains("id=\"booking-date\" name=\"date\" value=\"\(friday)\"") && filled.contains("name=\"time\" value=\"09:00\""), "the choice fills the form")
            let supervisor = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(!(try await supervisor.get(patientPath).body.string.contains("free-heading")), "only a therapist who may book sees free times")
        }
    }

    @Test func badInputIsExplainedAndKept() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(patientPath)
            let response = try await ash.post(patientPath + "/series", form: ["date": "2026-02-30", "time": "25:00", "modality": "video", "videoURL": "https://evil.example/room"])
            #expect(response.status == .badRequest)
            let html = response.body.string
            #expect(html.contains("is not a valid date") && html.contains("is not a valid time") && html.contains("video link is not accepted"))
            #expect(html.contains("value=\"https://evil.example/room\""), "what was typed is kept")
            let dutch = try await ash.post(patientPath + "/series", form: ["date": "2026-02-30", "time": "25:00", "modality": "video", "videoURL": "https://evil.example/room"],
                                           headers: ["Accept-Language": "nl"]).body.string
            #expect(dutch.contains("is geen geldige datum") && dutch.contains("is geen geldige tijd") && dutch.contains("De videolink wordt niet geaccepteerd"))
        }
    }

    @Test(arguments: [("0001-01-01", ""), ("9999-12-31", ""), ("{today}", "9999-12-31")])
    func datesFarFromTodayAreRefusedWithTheRange(date: String, lastDate: String) async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(patientPath)
            let today = try await SessionFixtures.loader(app).zone.localDate(of: app.clock.now())
            let response = try await ash.post(patientPath + "/series", form: ["date": date.replacingOccurrences(of: "{today}", with: today.description), "lastDate": lastDate, "time": "10:00", "modality": "phone"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Choose a date from \(today.adding(days: -366)) to \(today.adding(days: 5 * 366))"))
            #expect(try await SessionSeriesRecord.query(on: app.db).filter(\.$patient.$id == SessionFixtures.avery.id).filter(\.$firstDate == date).count() == 0)
        }
    }

    @Test func aWeeklySeriesKeepsItsLocalTimeAcrossTheClockChange() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // 08:00 London on four Mondays around the next autumn change (the last Sunday of October):
            // two before it (BST), two after (GMT).
            let loader = try await SessionFixtures.loader(app)
            let today = loader.zone.localDate(of: app.clock.now())
            let october31 = try LocalDate(year: today.month < 10 ? today.year : today.year + 1, month: 10, day: 31)
            let clocksGoBack = october31.adding(days: -(((Weekday.allCases.firstIndex(of: october31.weekday) ?? 0) + 1) % 7))
            let (first, last) = (clocksGoBack.adding(days: -13), clocksGoBack.adding(days: 8))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(patientPath)
            let response = try await ash.post(patientPath + "/series", form: ["date": first.description, "time": "08:00", "lastDate": last.description, "modality": "phone"])
            #expect(response.status == .seeOther)
            #expect(clocksGoBack.weekday == .sunday && first.weekday == .monday)
            let window = try TimeSlot(start: loader.zone.instant(on: first, at: .midnight), end: loader.zone.instant(on: last.adding(days: 1), at: .midnight))
            let sessions = try await loader.forPatient(SessionFixtures.avery.id, in: window).filter { loader.zone.localTime(of: $0.slot.start).hour == 8 }
            #expect(sessions.count == 4)
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC") ?? .current
            #expect(sessions.map { utc.component(.hour, from: $0.slot.start) } == [7, 7, 8, 8], "BST then GMT: the UTC hour moves, the local hour does not")
        }
    }

    @Test func aCancelledSessionShowsAsCancelledAndCanBeMoved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let loader = try await SessionFixtures.loader(app)
            let now = app.clock.now()
            let upcoming = try #require(try await loader.forPatient(SessionFixtures.avery.id, in: try TimeSlot(start: now, end: now.addingTimeInterval(21 * 86_400))).first { $0.patientID != nil })
            let path = SessionFixtures.path(upcoming)
            try await ash.get(path)
            #expect(try await ash.post(path + "/change", form: ["action": "cancel", "reason": "clinic"]).status == .seeOther)
            #expect(try await ash.get(path).body.string.contains("Cancelled by the clinic"))
            let newDate = loader.zone.localDate(of: upcoming.slot.start).adding(days: 1)
            #expect(try await ash.post(path + "/change", form: ["action": "move", "date": newDate.description, "time": "13:00"]).status == .seeOther)
            let moved = try #require(try await loader.session(upcoming.key))
            #expect(loader.zone.localTime(of: moved.slot.start).description == "13:00" && moved.statusKey == "sessions.status.moved")
        }
    }

    @Test func aMovedSingleSessionIsFoundAtItsNewDate() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(patientPath)
            let friday = try await SessionFixtures.date(weeksAhead: 3, weekday: .friday, app)
            #expect(try await ash.post(patientPath + "/one-off", form: ["date": friday.description, "time": "16:00", "modality": "phone"]).status == .seeOther)
            let record = try #require(try await OneOffSessionRecord.query(on: app.db).first())
            let path = "/sessions/\(SessionKey(source: try record.requireID(), date: friday).description)"
            try await ash.get(path)
            let moved = try await ash.post(path + "/change", form: ["action": "move", "date": friday.adding(days: 3).description, "time": "18:30"])
            let location = try #require(moved.headers.first(name: .location))
            #expect(location.hasSuffix(friday.adding(days: 3).description))
            #expect(try await ash.get(location).status == .ok, "the redirect leads to the moved session")
        }
    }
}
