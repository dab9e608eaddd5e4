import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// A risk alert reaches its named people outside the app at once, day or night, with no patient
/// data; and the patient is told what is true at that hour about when the team will see it.
@Suite struct RiskAlertNoticeTests {
    let avery = DemoPatients.all[0]
    static let words = "After the row I wanted to end it all."

    private func writeRiskEntry(_ app: Application) async throws -> String {
        let patient = try await SignedInClients.web(app, userID: avery.userID)
        try await patient.get("/me/diary/new")
        let saved = try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": Self.words, "action": "save"])
        return try await patient.get(try #require(saved.headers.first(name: .location))).body.string
    }

    /// Moves the app's clock to `instant`, whatever day the suite runs as.
    static func setClock(_ app: Application, _ instant: String) {
        guard let target = ISO8601DateFormatter().date(from: instant) else { return }
        app.clock.advance(by: target.timeIntervalSince(app.clock.now()))
    }

    /// Every notice's words, to search for what must not leave the system.
    private func allText(_ app: Application) async throws -> String {
        try await OutboxInspection.items(app).map { ($0.content?.subject ?? "") + ($0.content?.body ?? "") + ($0.content?.linkPath ?? "") + $0.message.recipient }.joined()
    }

    @Test func onSaturdayNightThePatientIsToldWhenTheTeamIsBackAndTheTherapistIsEmailedAtOnce() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            Self.setClock(app, "2026-11-21T23:37:00Z") // a Saturday night in London

            let page = try await writeRiskEntry(app)
            #expect(page.contains("data-hours=\"closed\""))
            #expect(page.contains("They will see this when they are next at work: Monday 23 November at 09:00."))
            #expect(!page.contains("will contact you today") && !page.contains("will be in touch"))
            #expect(page.contains("Sat 21 Nov 2026, 23:37") && !page.contains("23:37 UTC"), "the entry's time is the clinic's, like the sentence about the team")
            // The helplines come before the sentence about the team.
            let helpline = try #require(page.range(of: "tel:116123"))
            let team = try #require(page.range(of: "team-availability"))
            #expect(helpline.lowerBound < team.lowerBound)

            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            let notices = try await OutboxInspection.items(app, kind: .riskAlert)
            #expect(notices.map(\.message.recipient) == [DemoStaff.therapistAsh.username])
            #expect(notices.first?.content?.linkPath == SiteRoute.alert.path(alert: try alert.requireID()))
            #expect(notices.first?.content?.subject == "A risk alert needs attention in Mentalize")
            // The alert page says it arrived out of hours, in the clinic's time.
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let alertPage = try await ash.get(SiteRoute.alert.path(alert: try alert.requireID())).body.string
            #expect(alertPage.contains("Saturday 21 November 2026 at 23:37 (Europe/London)") && alertPage.contains("out of office hours"))
            // The reason is the kind of language, never a pattern key.
            #expect(alertPage.contains("Words about suicide or ending their life") && !alertPage.contains("suicide.end-it"))
            let text = try await allText(app)
            for secret in ["Avery", "Testpatient", "end it all", "row", "diary"] {
                #expect(!text.contains(secret), "\(secret) must not leave the system")
            }
        }
    }

    @Test func inOfficeHoursThePatientIsToldTheTeamWillContactThemToday() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            Self.setClock(app, "2026-11-18T10:00:00Z") // a Wednesday morning in London
            let page = try await writeRiskEntry(app)
            #expect(page.contains("data-hours=\"open\"") && page.contains("Your team is at work now and will contact you today."))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get(SiteRoute.alerts.path).body.string.contains("in office hours"))
        }
    }

    @Test func anEscalationEmailsTheProgrammeLead() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            _ = try await writeRiskEntry(app)
            app.clock.advance(by: 61 * 60)
            await BackgroundJobRunner.runDue(BackgroundJobs.all, app, node: "test", now: app.clock.now())
            let escalations = try await OutboxInspection.items(app, kind: .alertEscalation)
            #expect(escalations.map(\.message.recipient) == [DemoStaff.lead.username])
            #expect(escalations.first?.content?.body.contains("nobody on the care team acknowledged it in time") == true)
            // A second run escalates nothing twice.
            app.clock.advance(by: 120)
            await BackgroundJobRunner.runDue(BackgroundJobs.all, app, node: "test", now: app.clock.now())
            #expect(try await OutboxInspection.items(app, kind: .alertEscalation).count == 1)
            #expect(!(try await allText(app).contains("Avery")))
        }
    }
}
