import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Secure messages: a conversation both ways with unread counts, one message per form however
/// often it is sent, risk language routed to safety with an alert, and nobody outside the care
/// team reading or writing.
@Suite struct MessagesTests {
    let avery = DemoPatients.all[0]

    private func startThread(_ patient: WebClient, subject: String, body: String, key: String = UUID().uuidString) async throws -> TestingHTTPResponse {
        try await patient.get("/me/messages")
        return try await patient.post("/me/messages/new", form: ["subject": subject, "body": body, "key": key])
    }

    @Test func aConversationBothWaysWithUnreadCounts() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let key = UUID().uuidString
            // act: the same form sent twice
            let first = try await startThread(patient, subject: "Next week", body: "Can we move Tuesday's session?", key: key)
            let again = try await patient.post("/me/messages/new", form: ["subject": "Next week", "body": "Can we move Tuesday's session?", "key": key])
            // verify
            #expect(first.status == .seeOther && again.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(try await SecureMessage.query(on: app.db).count() == 1)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let inbox = try await ash.get("/messages").body.string
            #expect(inbox.contains("Next week") && inbox.contains("<strong>1</strong>"))
            let thread = try #require(try await MessageThread.query(on: app.db).first())
            let threadPath = "/messages/\(try thread.requireID().uuidString)"
            #expect(try await ash.get(threadPath).body.string.contains("Can we move Tuesday&#39;s session?"))
            #expect(!(try await ash.get("/messages").body.string.contains("<strong>1</strong>")), "read once opened")
            #expect(try await ash.post(threadPath + "/reply", form: ["body": "Yes: Wednesday 10:00?", "key": UUID().uuidString]).status == .seeOther)
            let list = try await patient.get("/me/messages").body.string
            #expect(list.contains("1 <span>new</span>") || list.contains("1 new"))
            let own = try await patient.get("/me/messages/\(try thread.requireID().uuidString)").body.string
            #expect(own.contains("Yes: Wednesday 10:00?") && own.contains("Not for emergencies") && own.contains("tel:116123"))
        }
    }

    @Test func riskLanguageShowsSupportAndAlertsTheCareTeam() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let sent = try await startThread(patient, subject: "Tonight", body: "I keep thinking about killing myself tonight.")
            let location = try #require(sent.headers.first(name: .location))
            #expect(location.hasSuffix("?support=1"))
            let page = try await patient.get(location).body.string
            #expect(page.contains("Thank you for telling us") && page.contains("href=\"/me/crisis-plan\""))
            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            #expect(alert.source == .message && alert.state == "open" && alert.$patient.id == avery.id)
            #expect(try await RiskAlertRecipient.query(on: app.db).all().map(\.$user.id) == [DemoStaff.therapistAsh.id])
            let calm = try await startThread(patient, subject: "Thanks", body: "The session helped, see you next week.")
            #expect(!(try #require(calm.headers.first(name: .location)).contains("support")))
            #expect(try await RiskAlert.query(on: app.db).count() == 1)
        }
    }

    @Test func badInputKeepsTheDraft() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let empty = try await startThread(patient, subject: "", body: "Draft words")
            #expect(empty.status == .badRequest && empty.body.string.contains("short subject") && empty.body.string.contains("Draft words"))
            let long = try await startThread(patient, subject: "Long", body: String(repeating: "a", count: 5_001))
            #expect(long.status == .badRequest && long.body.string.contains("up to 5000 characters"))
            #expect(try await SecureMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func onlyThePatientAndTheirCareTeam() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            _ = try await startThread(patient, subject: "Private", body: "Marker-words-for-Ash-only")
            let thread = try #require(try await MessageThread.query(on: app.db).first())
            let id = try thread.requireID().uuidString
            let blake = try await SignedInClients.web(app, userID: DemoPatients.all[1].userID)
            #expect(try await blake.get("/me/messages/\(id)").status == .notFound)
            #expect(!(try await blake.get("/me/messages").body.string.contains("Private")))
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get("/messages/\(id)").status == .notFound)
            #expect(!(try await birch.get("/messages").body.string.contains("Marker")))
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/messages/\(id)").status == .notFound)
            let supervisor = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await supervisor.get("/messages/\(id)").body.string.contains("Marker-words-for-Ash-only"))
            #expect(try await supervisor.post("/messages/\(id)/reply", form: ["body": "x", "key": UUID().uuidString]).status == .notFound)
            #expect(try await SecureMessage.query(on: app.db).count() == 1)
        }
    }
}
