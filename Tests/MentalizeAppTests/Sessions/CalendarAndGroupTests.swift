import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The patient's appointments and calendar feed (secret, revocable, RFC 5545 shape; the Python
/// `icalendar` parser checks it in the browser tests), and slow-open group membership.
@Suite struct CalendarAndGroupTests {
    @Test func aPatientSeesAppointmentsAndSubscribesToARevocableFeed() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = try await SignedInClients.web(app, userID: SessionFixtures.avery.userID)
            let appointments = try await avery.get("/me/appointments").body.string
            #expect(appointments.contains("Individual session") && appointments.contains("Tuesday MBT group") && appointments.contains("Room 1"))
            try await avery.get("/me/calendar")
            let created = try await avery.post("/me/calendar", form: [:]).body.string
            let path = String(try #require(created.firstMatch(of: /(\/calendar\/[A-Za-z0-9_-]{40,})/)).1)
            let feed = try await avery.get(path)
            #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
            let text = feed.body.string
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("METHOD:PUBLISH") && text.contains("BEGIN:VEVENT") && text.contains("LOCATION:Room 1"))
            #expect(!text.contains("Testpatient"), "no names in calendar feeds")
            let anonymous = WebClient(app: app)
            #expect(try await anonymous.get(path).status == .ok, "the secret alone opens the feed")
            #expect(try await anonymous.get("/calendar/not-a-real-token").status == .notFound)
            try await avery.get("/me/calendar")
            #expect(try await avery.post("/me/calendar/revoke", form: [:]).status == .seeOther)
            #expect(try await anonymous.get(path).status == .notFound, "revoked")
            #expect(try await CalendarFeedRecord.query(on: app.db).filter(\.$tokenHash == SecretToken.hash(String(path.dropFirst("/calendar/".count)))).count() == 1, "stored hashed")
        }
    }

    @Test func membersJoinUpToCapacityThenWaitAndLeaveOnTheirLastDay() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the Tuesday group has 4 members; make room for one more only.
            let group = try #require(try await TherapyGroup.find(SessionFixtures.tuesdayGroup, on: app.db))
            group.capacity = 5
            try await group.save(on: app.db)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/groups/\(SessionFixtures.tuesdayGroup.uuidString)"
            let page = try await ash.get(path).body.string
            #expect(page.contains("Avery Testpatient") && page.contains("Blake Testpatient"), "co-therapy shows every member")
            let zone = try await SessionFixtures.loader(app).zone
            let today = zone.localDate(of: app.clock.now())
            // act + verify
            #expect(try await ash.post(path + "/members", form: ["patientID": SessionFixtures.emery.id.uuidString, "date": today.description]).status == .seeOther)
            let full = try await ash.post(path + "/members", form: ["patientID": SessionFixtures.kai.id.uuidString, "date": today.description])
            #expect(full.status == .conflict && full.body.string.contains("waiting list"))
            #expect(try await ash.post(path + "/waiting-list", form: ["patientID": SessionFixtures.kai.id.uuidString, "date": today.description]).status == .seeOther)
            #expect(try await ash.get(path).body.string.contains("Kai Testpatient"))
            let waiting = try #require(try await WaitingListRecord.query(on: app.db).filter(\.$patient.$id == SessionFixtures.kai.id).first())
            #expect(try await ash.post(path + "/waiting-list/\(try waiting.requireID().uuidString)/remove", form: [:]).status == .seeOther)
            #expect(try await WaitingListRecord.query(on: app.db).filter(\.$patient.$id == SessionFixtures.kai.id).count() == 0)
            #expect(try await ash.post(path + "/waiting-list", form: ["patientID": SessionFixtures.kai.id.uuidString, "date": today.description]).status == .seeOther)
            let birchPatient = try await ash.post(path + "/members", form: ["patientID": DemoPatients.all[3].id.uuidString, "date": today.description])
            #expect(birchPatient.status == .notFound, "a therapist adds patients of their own caseload")
            let spell = try #require(try await GroupMembershipRecord.query(on: app.db).filter(\.$group.$id == SessionFixtures.tuesdayGroup).filter(\.$patient.$id == SessionFixtures.avery.id).first())
            let lastDay = today.adding(days: 14)
            #expect(try await ash.post(path + "/members/\(try spell.requireID().uuidString)/leave", form: ["date": lastDay.description]).status == .seeOther)
            let updated = try #require(try await GroupMembershipRecord.find(spell.requireID(), on: app.db))
            #expect(updated.leftAt == GroupRosterQueries.leaveInstant(lastDay, zone: zone), "in the group through the last day")
            let outsider = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await outsider.get(path).status == .ok, "the lead reads the roster")
            #expect(try await outsider.post(path + "/members", form: [:]).status == .notFound)
        }
    }
}
