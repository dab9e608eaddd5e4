import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// A new message emails only those who asked for it: the caseload therapist when a patient writes,
/// the patient when their team writes; the email says nothing of who wrote or what.
@Suite struct MessageNoticeTests {
    let avery = DemoPatients.all[0]

    @Test func optedInPeopleAreEmailedThatAMessageIsWaitingAndNothingMore() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            // Nobody asked yet: a message sends nothing.
            try await patient.get("/me/messages")
            let first = try await patient.post("/me/messages/new", form: ["subject": "Tuesday", "body": "Can we move my session to Wednesday?", "key": UUID().uuidString])
            #expect(first.status == .seeOther)
            #expect(try await OutboxInspection.items(app).isEmpty)

            // The therapist is offered the caseload choice, the patient the team's-message choice.
            let staffPage = try await ash.get(SiteRoute.myNotifications.path).body.string
            #expect(staffPage.contains("name=\"patientMessage\"") && !staffPage.contains("name=\"unreadMessage\""))
            #expect(try await ash.post(SiteRoute.myNotifications.path, form: ["patientMessage": "on", "unreadMessage": "on"]).status == .seeOther)
            #expect(try await UserAccount.find(DemoStaff.therapistAsh.id, on: app.db)?.optedInKinds == [.patientMessage], "only offered choices are kept")
            let patientPage = try await patient.get(SiteRoute.myNotifications.path).body.string
            #expect(patientPage.contains("name=\"unreadMessage\"") && !patientPage.contains("name=\"patientMessage\""))
            #expect(try await patient.post(SiteRoute.myNotifications.path, form: ["unreadMessage": "on"]).status == .seeOther)

            let thread = try #require(first.headers.first(name: .location)).split(separator: "/").last.map(String.init) ?? ""
            try await patient.get("/me/messages/\(thread)")
            #expect(try await patient.post("/me/messages/\(thread)/reply", form: ["body": "Or Thursday morning.", "key": UUID().uuidString]).status == .seeOther)
            try await ash.get("/messages/\(thread)")
            #expect(try await ash.post("/messages/\(thread)/reply", form: ["body": "Wednesday 10:00 works.", "key": UUID().uuidString]).status == .seeOther)

            let toAsh = try await OutboxInspection.items(app, kind: .patientMessage)
            #expect(toAsh.map(\.message.recipient) == [DemoStaff.therapistAsh.username])
            #expect(toAsh.first?.content?.linkPath == "/messages/\(thread)")
            let toAvery = try await OutboxInspection.items(app, kind: .unreadMessage)
            #expect(toAvery.map(\.message.recipient) == [avery.username])
            let text = try await OutboxInspection.items(app).map { ($0.content?.subject ?? "") + ($0.content?.body ?? "") }.joined()
            for secret in ["Avery", "Testpatient", "Thursday", "Wednesday", "Ash"] {
                #expect(!text.contains(secret), "\(secret) left the system")
            }
            // Turning it off stops it.
            #expect(try await patient.post(SiteRoute.myNotifications.path, form: [:]).status == .seeOther)
            #expect(try await ash.post("/messages/\(thread)/reply", form: ["body": "See you then.", "key": UUID().uuidString]).status == .seeOther)
            #expect(try await OutboxInspection.items(app, kind: .unreadMessage).count == 1)
        }
    }
}
