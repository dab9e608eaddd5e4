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
            #expect(early.status == .badRequest && body.contains("The note can be signed once the session has started (\(DisplayTime.clinic(session.slot.start, zone: loader.zone)))"))
            #expect(body.contains("Written ahead of the group.") && body.contains("Prepared in advance.") && body.contains("Mentioned new urges on the phone."))
            #expect(try await SessionNoteStore(database: app.db).record(for: session.key) == nil)
            #expect(try await RiskAlert.query(on: app.db).count() == 0)
            // Saving a draft ahead of the session is allowed.
            fields["action"] = "save"
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            #expect(try await SessionNoteStore(database: app.db).record(for: session.key)?.state == "draft")
        }
    }

    @Test func aSignedIndividualNoteShowsLabelsAndTheCrisisPlanReview() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Avery's last session, no prementalizing mode observed, stuck at the self pole
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            var fields = NotesTests.complete
            fields["mode.psychicEquivalence"] = nil
            fields["risk"] = "increased"
            fields["riskSummary"] = "Spoke of urges after a row."
            fields["crisisPlanReviewed"] = "on"
            fields["action"] = "sign"
            // act
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            // verify
            let page = try await ash.get(path).body.string
            #expect(page.contains("<span class=\"dimension\">Self – other</span>: Self") && !page.contains("selfOther"))
            #expect(page.contains("<span class=\"risk-change\">Increased</span> <span class=\"prewrap\">— Spoke of urges after a row.</span>") && !page.contains("increased:"))
            #expect(page.contains("<dt>Crisis plan</dt><dd id=\"crisis-plan-reviewed\">Reviewed in this session</dd>"))
            #expect(!page.contains("Prementalizing modes observed"), "an empty row is left out")
        }
    }

    @Test func aSignedGroupNoteShowsEachMembersLabelsAndLeavesEmptyRowsOut() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: last week's group note with nothing observed for the group as a whole
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.groupID == SessionFixtures.tuesdayGroup })
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            var fields = NotesTests.complete
            fields["mode.psychicEquivalence"] = nil
            fields["pole.selfOther"] = nil
            for member in try await GroupRosterQueries(database: app.db).members(of: SessionFixtures.tuesdayGroup, at: session.slot.start) {
                fields["member.\(try member.requireID().uuidString)"] = "Took part."
            }
            let avery = "member.\(SessionFixtures.avery.id.uuidString)"
            fields[avery + ".mode.psychicEquivalence"] = "on"
            fields[avery + ".pole.cognitiveAffective"] = "affective"
            fields[avery + ".risk"] = "unchanged"
            fields["action"] = "sign"
            // act
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            // verify
            let page = try await ash.get(path).body.string
            #expect(!page.contains("Observed mentalizing and risk for"), "no heading left over from the form")
            #expect(page.contains("<dt>Prementalizing modes observed</dt><dd>Psychic equivalence</dd>"))
            #expect(page.contains("<span class=\"dimension\">Cognitive – affective</span>: Affective"))
            #expect(page.contains("<span class=\"risk-change\">Unchanged</span>") && !page.contains(" unchanged<"))
            let group = try #require(page.split(separator: "id=\"signed-note\"").last?.split(separator: "</dl>").first)
            #expect(!group.contains("Prementalizing modes observed") && !group.contains("Dimension imbalances"), "the group's empty rows are left out")
        }
    }

    @Test func aPastSessionWithAttendanceSaysHowItWent() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the seed marks Avery attended and Blake (Birch's patient) missing the last two weeks
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let held = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let missed = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistBirch.id) { $0.patientID == SessionFixtures.blake.id })
            let group = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.groupID == SessionFixtures.tuesdayGroup })
            // act + verify: the session pages
            #expect(try await ash.get(SessionFixtures.path(held)).body.string.contains("<dd id=\"session-status\">Held</dd>"))
            #expect(try await birch.get(SessionFixtures.path(missed)).body.string.contains("<dd id=\"session-status\">Not attended</dd>"))
            #expect(try await ash.get(SessionFixtures.path(group)).body.string.contains("<dd id=\"session-status\">Held</dd>"))
            // the patient's sessions, the group's sessions and the week view
            let patientPage = try await ash.get(SiteRoute.patientSessions.filled(["patientID": SessionFixtures.avery.id.uuidString])).body.string
            #expect(patientPage.contains("Individual session · Held") || patientPage.contains(" · Held</td>"))
            #expect(try await ash.get(SiteRoute.group.filled(["groupID": SessionFixtures.tuesdayGroup.uuidString])).body.string.contains("<td>Held</td>"))
            let zone = try await SessionFixtures.loader(app).zone
            let week = try await ash.get("/schedule?week=\(zone.localDate(of: held.slot.start))").body.string
            #expect(week.contains("· Held</span>"))
        }
    }
}

/// The chart shows the latest risk update written in a signed note to those who may read notes.
@Suite struct ChartNoteRiskTests {
    @Test func aRiskIncreaseSignedInANoteShowsOnTheChart() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Ash, Avery's only caseload therapist, signs "risk increased" (no alert, by design)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let path = SessionFixtures.path(session)
            try await ash.get(path)
            var fields = NotesTests.complete
            fields["risk"] = "increased"
            fields["riskSummary"] = "New thoughts of overdose after the row."
            fields["action"] = "sign"
            #expect(try await ash.post(path + "/note", form: fields).status == .seeOther)
            // act
            let chartPath = "/patients/\(SessionFixtures.avery.id.uuidString)"
            let chart = try await ash.get(chartPath).body.string
            let supervisor = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            let supervised = try await supervisor.get(chartPath).body.string
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let roster = try await lead.get(chartPath).body.string
            // verify
            #expect(chart.contains("Latest risk update in a session note:") && chart.contains("New thoughts of overdose after the row.")
                && chart.contains("href=\"\(path)\""))
            #expect(supervised.contains("New thoughts of overdose after the row."), "the supervisor reads notes, so sees it")
            #expect(!roster.contains("New thoughts of overdose"), "the lead may not read notes")
        }
    }
}
