import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct RegistrationTests {
    let form = ["givenName": "Morgan", "familyName": "Newcomer", "dateOfBirth": "1994-02-03", "source": "GP Dr Demo (synthetic)",
                "receivedOn": "2026-11-01", "reason": "Recurrent self-harm, unstable relationships; asking for MBT.", "urgency": "soon",
                "programmeType": ProgrammeType.adultID.uuidString]

    @Test func aTherapistRegistersAPatientWhoJoinsTheirCaseloadAndTheLeadSeesNoReason() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/patients/new").status == .ok)
            let created = try await ash.post("/patients/new", form: form)
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let page = try await ash.get(path).body.string
            #expect(page.contains("Morgan Newcomer") && page.contains("Referral") && page.contains("Soon"))
            #expect(page.contains("Recurrent self-harm"), "the therapist reads the reason")
            #expect(try await ash.get("/patients").body.string.contains("Morgan Newcomer"))
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let leadView = try await lead.get(path).body.string
            #expect(leadView.contains("GP Dr Demo"))
            #expect(!leadView.contains("Recurrent self-harm"), "no free text for the lead")
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get(path).status == .notFound)
            #expect(try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "registration").count() == 1)
        }
    }

    @Test func aDuplicateNeedsConfirmationAndBadInputIsExplainedAndKept() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/new")
            var duplicate = form
            duplicate["givenName"] = "avery"
            duplicate["familyName"] = "TESTPATIENT"
            duplicate["dateOfBirth"] = "1990-03-14"
            let warned = try await ash.post("/patients/new", form: duplicate)
            #expect(warned.status == .conflict)
            #expect(warned.body.string.contains("already registered"))
            #expect(!warned.body.string.contains("Sam Birch"), "the warning says nothing about the other record")
            duplicate["confirmDuplicate"] = "on"
            #expect(try await ash.post("/patients/new", form: duplicate).status == .seeOther)
            var bad = form
            bad["dateOfBirth"] = "2999-01-01"
            bad["reason"] = "short"
            bad["urgency"] = "whenever"
            let refused = try await ash.post("/patients/new", form: bad)
            #expect(refused.status == .badRequest)
            let body = refused.body.string
            #expect(body.contains("not in the future") && body.contains("at least 10 characters") && body.contains("how urgent"))
            #expect(body.contains("value=\"Morgan\""), "what was typed is kept")
            #expect(try await Patient.query(on: app.db).count() == 13)
        }
    }
}
