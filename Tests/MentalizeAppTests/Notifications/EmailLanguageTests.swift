import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// E-mails are written in the recipient's language: the one saved on their account, else the
/// clinic's default, else English; never in the language of whoever caused them.
@Suite struct EmailLanguageTests {
    let avery = DemoPatients.all[0]

    @Test func aDutchTherapistGetsTheAlertInDutchAndAnEnglishLeadInEnglish() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            RiskAlertNoticeTests.setClock(app, "2026-11-21T23:37:00Z") // a Saturday night in London
            let ash = try #require(try await UserAccount.find(DemoStaff.therapistAsh.id, on: app.db))
            ash.language = "nl"
            try await ash.save(on: app.db)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            try await patient.get("/me/diary/new")
            let saved = try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "After the row I wanted to end it all.", "action": "save"],
                                               headers: ["Accept-Language": "en"])
            #expect(saved.status == .seeOther)
            let notice = try #require(try await OutboxInspection.items(app, kind: .riskAlert).first?.content)
            #expect(notice.subject == "Een risicomelding vraagt aandacht in Mentalize")
            #expect(notice.body.contains("Er is op zaterdag 21 november 2026 om 23:37 (Europe/London) een risicomelding gemaakt"), "\(notice.body)")

            app.clock.advance(by: 61 * 60)
            await BackgroundJobRunner.runDue(BackgroundJobs.all, app, node: "test", now: app.clock.now())
            let escalation = try #require(try await OutboxInspection.items(app, kind: .alertEscalation).first?.content)
            #expect(escalation.subject == "A risk alert needs attention in Mentalize" && escalation.body.contains("Saturday 21 November 2026 at 23:37"))
        }
    }

    @Test func aPatientWithoutAChoiceGetsTheClinicsDefaultLanguage() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let clinic = try #require(try await Clinic.find(DemoSeed.clinicID, on: app.db))
            clinic.defaultLanguage = "nl"
            try await clinic.save(on: app.db)
            let account = try #require(try await UserAccount.find(avery.userID, on: app.db))
            account.setOptedIn([.unreadMessage])
            try await account.save(on: app.db)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            try await patient.get("/me/messages")
            let first = try await patient.post("/me/messages/new", form: ["subject": "Dinsdag", "body": "Kan mijn sessie naar woensdag?", "key": UUID().uuidString])
            let thread = try #require(first.headers.first(name: .location)).split(separator: "/").last.map(String.init) ?? ""
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/messages/\(thread)", headers: ["Accept-Language": "en"])
            #expect(try await ash.post("/messages/\(thread)/reply", form: ["body": "Woensdag 10:00 kan.", "key": UUID().uuidString]).status == .seeOther)
            let notice = try #require(try await OutboxInspection.items(app, kind: .unreadMessage).first?.content)
            #expect(notice.subject == "Je hebt een nieuw bericht in Mentalize" && notice.body.contains("Log in om het te lezen"))
        }
    }
}
