import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The mentalizing diary: drafts and one entry per form, validation that loses nothing, private
/// versus shared, reflection prompts from the bank with their evidence (and switched off), risk
/// language routed to safety with an alert, the therapist's view and deletion.
@Suite struct DiaryTests {
    let avery = DemoPatients.all[0]

    private func post(_ patient: WebClient, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await patient.get("/me/diary/new")
        return try await patient.post("/me/diary/new", form: fields)
    }

    static let reflective: [String: String] = [
        "whatHappened": "My sister cancelled our lunch an hour before. I was sure she did it because she does not care about me.",
        "emotion-hurt": "on", "intensity-hurt": "8", "emotion-angry": "on", "intensity-angry": "6",
        "whatIThought": "She always does this. She obviously thinks I am not worth her time.",
        "whatIDid": "I sent her an angry text and blocked her number.",
        "certaintyAboutTheirMind": "95", "action": "save",
    ]

    @Test func aDraftWithOnlyItsThoughtsIsListedByThem() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            #expect(try await post(patient, ["key": UUID().uuidString, "whatIThought": "Maybe she was tired after work", "action": "draft"]).status == .seeOther)
            #expect(try await post(patient, ["key": UUID().uuidString, "action": "draft"]).status == .seeOther)
            let list = try await patient.get("/me/diary").body.string
            #expect(list.contains(">Maybe she was tired after work</a>"), "a draft without 'what happened' can still be opened from the list")
            #expect(list.contains(">An entry with nothing written yet</a>"))
        }
    }

    @Test func aStrengthChangedWithoutTickingTheBoxStillCounts() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            // act: "angry" set to 9 without its box; every other feeling left at its starting 5
            var fields = ["key": UUID().uuidString, "whatHappened": "We argued about the holiday.", "action": "save", "intensity-angry": "9"]
            for emotion in DiaryEmotion.allCases where emotion != .angry { fields["intensity-\(emotion.rawValue)"] = "5" }
            #expect(try await post(patient, fields).status == .seeOther)
            // verify
            let record = try #require(try await DiaryEntryRecord.query(on: app.db).filter(\.$patient.$id == avery.id).sort(\.$createdAt, .descending).first())
            let entry = try #require(DiaryStore.decode(record))
            #expect(entry.emotions.map(\.emotion) == [DiaryEmotion.angry.rawValue] && entry.emotions.first?.intensity == 9)
        }
    }

    @Test func aDraftThenTheFinishedEntryStayOneEntry() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let key = UUID().uuidString
            #expect(try await post(patient, ["key": key, "whatIThought": "Not sure yet", "action": "draft"]).status == .seeOther)
            #expect(try await patient.get("/me/diary").body.string.contains("draft, not finished"))
            var fields = Self.reflective
            fields["key"] = key
            #expect(try await post(patient, fields).status == .seeOther)
            #expect(try await post(patient, fields).status == .seeOther, "sent twice")
            let rows = try await DiaryEntryRecord.query(on: app.db).all()
            #expect(rows.count == 1 && rows[0].isDraft == false && rows[0].visibility == "private")
        }
    }

    @Test func badInputIsExplainedAndNothingIsLost() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let missing = try await post(patient, ["key": UUID().uuidString, "whatIThought": "Words I do not want to lose", "action": "save"])
            #expect(missing.status == .badRequest)
            #expect(missing.body.string.contains("Please write a few words about what happened.") && missing.body.string.contains("Words I do not want to lose"))
            let numbers = try await post(patient, ["key": UUID().uuidString, "whatHappened": "x", "emotion-sad": "on", "intensity-sad": "11", "certaintyAboutTheirMind": "lots", "action": "save"])
            #expect(numbers.status == .badRequest && numbers.body.string.contains("Give a number from 0 to 100"))
            #expect(numbers.body.string.contains("value=\"11\""))
            #expect(try await DiaryEntryRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func promptsComeFromTheBankWithTheWordsThatLedToThemAndCanBeSwitchedOff() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            var fields = Self.reflective
            fields["key"] = UUID().uuidString
            let saved = try await post(patient, fields)
            let page = try await patient.get(try #require(saved.headers.first(name: .location))).body.string
            #expect(page.contains("Something to think about") && page.contains("Because you wrote:") && page.contains("<mark>"))
            let bank = ReflectionPromptPicker.reviewedBank.map(\.text)
            let shown = page.matches(of: /<p class="prompt__text">([^<]+)<\/p>/).map { String($0.1).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"") }
            #expect(!shown.isEmpty && shown.count <= 2 && shown.allSatisfy(bank.contains), "every question is from the reviewed bank")
            try await patient.get("/me/diary")
            #expect(try await patient.post("/me/diary/prompts", form: [:]).status == .seeOther)
            #expect(!(try await patient.get(try #require(saved.headers.first(name: .location))).body.string.contains("Something to think about")))
            // The clinic can switch them off for everyone too.
            try await patient.get("/me/diary")
            #expect(try await patient.post("/me/diary/prompts", form: ["enabled": "on"]).status == .seeOther)
            #expect(try await patient.get(try #require(saved.headers.first(name: .location))).body.string.contains("Something to think about"))
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/programme/portal")
            #expect(try await lead.post("/programme/portal", form: [:]).status == .seeOther)
            #expect(!(try await patient.get(try #require(saved.headers.first(name: .location))).body.string.contains("Something to think about")))
            #expect(!(try await patient.get("/me/diary").body.string.contains("Offer me questions")), "nothing to switch when the clinic has them off")
        }
    }

    @Test func riskLanguageShowsTheCrisisPlanAndAlertsTheCareTeamWithoutTheirSeeingAPrivateEntry() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let saved = try await post(patient, ["key": UUID().uuidString, "whatHappened": "After the row I wanted to end it all.", "action": "save"])
            let page = try await patient.get(try #require(saved.headers.first(name: .location))).body.string
            #expect(page.contains("It sounds like things are really hard right now") && page.contains("href=\"/me/crisis-plan\"") && page.contains("tel:116123"))
            #expect(!page.contains("Something to think about"))
            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            #expect(alert.source == .diary && alert.$patient.id == avery.id)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/home").body.string.contains("Open risk alerts"))
            #expect(!(try await ash.get("/patients/\(avery.id.uuidString)/diary").body.string.contains("end it all")), "private stays private")
        }
    }

    /// A Dutch patient writing Dutch risk language meets the Dutch safety page, with the clinic's
    /// Dutch line first, and the care team is alerted.
    @Test func dutchRiskLanguageShowsTheDutchSafetyPageWithDutchLinesFirst() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let dutch = try #require(try Localizations.load(from: try AppResources.bundled()).catalogs["nl"]).strings
            let heading = try #require(dutch["diary.safetyHeading"])
            try await Helpline(clinicID: DemoSeed.clinicID, name: "113 Zelfmoordpreventie", phone: "0800-0113", hours: "24 uur", position: 9, language: "nl").create(on: app.db)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            try await patient.get("/me/diary/new", headers: ["Accept-Language": "nl"])
            let saved = try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "Na de ruzie wilde ik er een eind aan maken.", "action": "save"])
            let page = try await patient.get(try #require(saved.headers.first(name: .location)), headers: ["Accept-Language": "nl"]).body.string
            #expect(page.contains("<html lang=\"nl\">") && page.contains(heading) && page.contains("href=\"/me/crisis-plan\""))
            let dutchLine = try #require(page.range(of: "tel:08000113"))
            #expect(dutchLine.lowerBound < (page.range(of: "tel:116123")?.lowerBound ?? page.startIndex), "the Dutch line comes first on a Dutch page")
            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            #expect(alert.source == .diary && alert.$patient.id == avery.id)
        }
    }

    @Test func theTherapistSeesSharedEntriesOnlyAndMarksOneForTheNextSession() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            _ = try await post(patient, ["key": UUID().uuidString, "whatHappened": "Private-marker words", "action": "save", "visibility": "private"])
            var shared = Self.reflective
            shared["key"] = UUID().uuidString
            shared["visibility"] = "sharedWithTherapist"
            _ = try await post(patient, shared)
            let path = "/patients/\(avery.id.uuidString)/diary"
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let html = try await ash.get(path).body.string
            #expect(html.contains("My sister cancelled our lunch") && !html.contains("Private-marker"))
            #expect(html.contains("Analyzer signals (clinician only)") && html.contains("Self/other"))
            let entry = try #require(try await DiaryEntryRecord.query(on: app.db).filter(\.$visibility == "sharedWithTherapist").first())
            #expect(try await ash.post(path + "/flags", form: ["entryID": try entry.requireID().uuidString, "flagged": "on"]).status == .seeOther)
            #expect(try await DiarySessionFlag.query(on: app.db).count() == 1)
            // The marked entry appears beside the note form of Avery's session.
            let sessions = try await ash.get("/patients/\(avery.id.uuidString)/sessions").body.string
            let sessionPath = String(try #require(sessions.firstMatch(of: /href="(\/sessions\/[^"\/]+)"/)).1)
            let sessionPage = try await ash.get(sessionPath).body.string
            #expect(sessionPage.contains("Diary entries to bring to this session") && sessionPage.contains("My sister cancelled our lunch"))
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get(path).status == .notFound)
            let blake = try await SignedInClients.web(app, userID: DemoPatients.all[1].userID)
            #expect(try await blake.get("/me/diary/\(try entry.requireID().uuidString)").status == .notFound)
            // Deleting hides it from both sides, keeps the row, and is audited.
            let entryPage = try await patient.get("/me/diary/\(try entry.requireID().uuidString)").body.string
            let confirmation = try #require(entryPage.firstRange(of: "<details class=\"confirm-delete\">"), "deleting takes a second, deliberate tap")
            #expect(entryPage[confirmation.lowerBound...].contains("/delete\""))
            let deleted = try await patient.post("/me/diary/\(try entry.requireID().uuidString)/delete", form: [:])
            #expect(deleted.status == .seeOther)
            #expect(try await patient.get(try #require(deleted.headers.first(name: .location))).body.string.contains("The entry was deleted."))
            #expect(!(try await ash.get(path).body.string.contains("My sister cancelled")))
            #expect(try await DiaryEntryRecord.find(entry.id, on: app.db)?.deletedAt != nil)
            let deletions = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == avery.userID).filter(\.$action == "write").filter(\.$recordType == "privateDiaryEntry").count()
            #expect(deletions >= 3, "saves and the deletion are audited writes")
        }
    }
}
