import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// A note is signed only once its session has started (a draft may be prepared before); a signed
/// note reads in the page's own labels; a past session with attendance says how it went.
@Suite struct SignedNoteTests {
    @Test func aNoteCannotBeSignedBeforeTheSessionStartsButCanBeDrafted() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the Tuesday group's next session, with a member whose risk increased
            let loader = try await SessionFixtures.loader(app)
            let now = app.clock.now()
            let window = try TimeSlot(start: now, end: now.addingTimeInterval(15 * 86_400))
            let session = try #require(try await loader.forTherapist(DemoStaff.therapistAsh.id, in: window).first { $0.groupID == SessionFixtures.tuesdayGroup && $0.takesPlace && $0.slot.start > now })
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            var fields = NotesTests.complete
            fields["narrative"] = "Written ahead of the group."
            for member in try await GroupRosterQueries(database: app.db).members(of: SessionFixtures.tuesdayGroup, at: session.slot.start) {
                fields["member.\(try member.requireID().uuidString)"] = "Prepared in advance."
            }
            let blake = "member.\(SessionFixtures.blake.id.uuidString)"
            fields[blake + ".risk"] = "increased"
            fields[blake + ".riskSummary"] = "Mentioned new urges on the phone."
            fields["action"] = "sign"
            // act
            let early = try await ash.post(path + "/note", form: fields)
            // verify: refused, the typed note kept, nothing stored and no alert dated in the future
            let body = early.body.string
            #expect(early.status == .badRequest && body.contains("The note can be signed once the session has started (\(ClinicClock.text(session.slot.start, zone: loader.zone)))"))
            #expect(body.contains("Written ahead of the group.") && body.contains("Prepared in advance.") && body.contains("Mentioned new urges on the phone."))
            #expect(try await SessionNoteStore(database: app.db).record(for: session.key) == nil)
            #expect(try await RiskAlert.query(on: app.db).count() == 0)
            // Saving a draft ahead of the session is allowed.
            fields["action"] = "save"
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            #expect(try await SessionNoteStore(database: app.db).record(for: session.key)?.state == "draft")
        }
    }
}
