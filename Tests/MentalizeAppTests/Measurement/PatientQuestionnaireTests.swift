import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// A patient completing a questionnaire: save and resume, validation, skip logic, one response
/// per submission however often it is sent, and the risk path.
@Suite struct PatientQuestionnaireTests {
    let avery = DemoPatients.all[0]

    @Test func aCompletedPHQ9IsScoredOnceAndARiskAnswerAlertsTheCaseloadTherapist() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let responsePath = try await MeasureFlow.start(patient, instrumentID: "phq-9")
            // act
            let review = try await MeasureFlow.answerAll(patient, responsePath: responsePath, answers: MeasureFlow.phq9(item9: "1"))
            #expect(try await patient.get(review).body.string.contains("Send my answers"))
            let first = try await patient.post(responsePath + "/submit", form: [:])
            let second = try await patient.post(responsePath + "/submit", form: [:])
            // verify
            #expect(first.status == .seeOther && second.status == .seeOther)
            let done = try await patient.get(try #require(first.headers.first(name: .location))).body.string
            #expect(done.contains("We have let your care team know") && done.contains("id=\"team-availability\"") && done.contains("href=\"/me/crisis-plan\"") && done.contains("tel:116123"))
            let responseID = try #require(UUID(uuidString: String(responsePath.split(separator: "/").last ?? "")))
            let stored = try #require(try await MeasureResponse.find(responseID, on: app.db))
            #expect(stored.primaryScore == 10 && stored.riskLevel == "high" && stored.entryMode == "patient")
            let alerts = try await RiskAlert.query(on: app.db).filter(\.$patient.$id == avery.id).all()
            #expect(alerts.count == 1, "a double submit raises one alert")
            let recipients = try await RiskAlertRecipient.query(on: app.db).all().map(\.$user.id)
            #expect(recipients == [DemoStaff.therapistAsh.id])
            let audited = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "riskAlert").filter(\.$action == "write").count()
            #expect(audited == 1)
        }
    }

    @Test func theOpeningInstructionIsNotShownAboveTheFollowUpQuestion() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let responsePath = try await MeasureFlow.start(patient, instrumentID: "phq-9")
            var pages: [String: String] = [:]
            var location = responsePath
            for _ in 0..<15 {
                let page = try await patient.get(location)
                if page.status == .seeOther { location = try #require(page.headers.first(name: .location)); continue }
                guard let match = page.body.string.firstMatch(of: /name="linkId" value="([^"]+)"/) else { break }
                pages[String(match.1)] = page.body.string
                let posted = try await patient.post(responsePath + "/answer", form: ["linkId": String(match.1), "answer": "1", "go": "next"])
                location = try #require(posted.headers.first(name: .location))
                if location.hasSuffix("/review") { break }
            }
            #expect(pages["phq9-1"]?.contains("Over the last 2 weeks") == true)
            let followUp = try #require(pages["phq9-10"], "any answer above 'Not at all' brings the follow-up")
            #expect(!followUp.contains("Over the last 2 weeks") && followUp.contains("how difficult"))
        }
    }

    @Test func answersAreSavedAsTheyGoAndABadAnswerLosesNothing() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let responsePath = try await MeasureFlow.start(patient, instrumentID: "gad-7")
            #expect(try await patient.post(responsePath + "/answer", form: ["linkId": "gad7-1", "answer": "2"]).status == .seeOther)
            let bad = try await patient.post(responsePath + "/answer", form: ["linkId": "gad7-2", "answer": "9"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Please choose one of the answers shown."))
            let empty = try await patient.post(responsePath + "/answer", form: ["linkId": "gad7-2"])
            #expect(empty.body.string.contains("Please choose an answer."))
            // Resume later: a new session lands on the first unanswered question.
            let later = try await SignedInClients.web(app, userID: avery.userID)
            let resumed = try await later.get(responsePath).body.string
            #expect(resumed.contains("value=\"gad7-2\""))
            #expect(resumed.contains("Question 2 of"))
            let responseID = try #require(UUID(uuidString: String(responsePath.split(separator: "/").last ?? "")))
            #expect(try await MeasureResponse.find(responseID, on: app.db)?.answersJSON == "{\"gad7-1\":\"2\"}")
            // Submitting before the end is refused with a reason.
            let early = try await later.post(responsePath + "/submit", form: [:])
            #expect(early.status == .badRequest && early.body.string.contains("still need an answer"))
        }
    }

    @Test func anotherPatientsResponseIsNotFound() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = try await SignedInClients.web(app, userID: self.avery.userID)
            let responsePath = try await MeasureFlow.start(avery, instrumentID: "phq-9")
            let blake = try await SignedInClients.web(app, userID: DemoPatients.all[1].userID)
            #expect(try await blake.get(responsePath).status == .notFound)
            #expect(try await blake.post(responsePath + "/answer", form: ["linkId": "phq9-1", "answer": "1"]).status == .notFound)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get(responsePath).status == .notFound, "the portal pages are the patient's own")
        }
    }

    @Test func licensedInstrumentsStayHiddenFromPatientsUntilTheirTextsAreImported() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the demo plan asks for BSL-23, whose texts are licensed
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let staffPage = try await ash.get("/patients/\(avery.id.uuidString)/measures").body.string
            #expect(staffPage.contains("item texts in the patient&#39;s language are not loaded") && staffPage.contains("[en]"))
            #expect(!(try await patient.get("/me/measures").body.string.contains("BSL-23")))
            // act: a broken pack is refused, a complete one is stored
            let catalog = try app.measurement.catalog
            let bsl = try #require(catalog.definition(id: "bsl-23"))
            let importer = TextPackImport(database: app.db, catalog: catalog)
            await #expect(throws: ConfigurationError.self) { try await importer.run(Data("{\"instrumentId\":\"bsl-23\",\"version\":\"\(bsl.version)\",\"language\":\"en\",\"items\":{}}".utf8), now: app.clock.now()) }
            var items: [String: ItemTexts] = [:]
            for item in bsl.allItems {
                items[item.linkId] = ItemTexts(text: "Licensed text for \(item.linkId)", options: item.answerOptions.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.code, "Option \($0.code)") }) })
            }
            let pack = TextPack(instrumentId: "bsl-23", version: bsl.version, language: "en", items: items)
            _ = try await importer.run(try JSONEncoder().encode(pack), now: app.clock.now())
            // verify
            #expect(try await patient.get("/me/measures").body.string.contains("BSL-23"))
            let responsePath = try await MeasureFlow.start(patient, instrumentID: "bsl-23")
            #expect(try await patient.get(responsePath).body.string.contains("Licensed text for"))
        }
    }
}
