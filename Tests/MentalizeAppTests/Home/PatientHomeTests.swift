import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The patient's home: what is waiting for them, in plain words, with the crisis plan at hand.
@Suite struct PatientHomeTests {
    @Test func homeShowsDueQuestionnairesUnreadMessagesAndHelp() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Avery (in treatment) has PHQ-9 and GAD-7 due from the plan; the therapist writes
            let avery = DemoPatients.all[0]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/\(avery.id.uuidString)/messages")
            #expect(try await ash.post("/patients/\(avery.id.uuidString)/messages/new", form: ["subject": "Hello", "body": "See you Tuesday.", "key": UUID().uuidString]).status == .seeOther)
            // act
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let home = try await patient.get("/home").body.string
            // verify
            #expect(home.contains("<h1>Hello, Avery</h1>"))
            #expect(home.contains("Patient Health Questionnaire") && home.contains("href=\"/me/measures\""))
            #expect(home.contains("<strong>1</strong>"))
            #expect(home.contains("href=\"tel:116123\"") && home.contains("href=\"/me/crisis-plan\""))
            #expect(!home.contains("score"), "no score about the patient on their home page")
        }
    }
}
