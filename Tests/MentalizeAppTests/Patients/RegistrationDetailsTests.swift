import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct RegistrationDetailsTests {
    let form = ["givenName": "Rowan", "familyName": "Detailtest", "dateOfBirth": "2009-05-06", "source": "CAMHS (synthetic)",
                "receivedOn": "2026-10-01", "reason": "Self-harm at school, stormy friendships; referred for MBT-A.", "urgency": "soon",
                "programmeType": ProgrammeType.adolescentID.uuidString, "identifierType": "nhs", "identifierValue": "943 476 5919",
                "phone": "07700 900777", "email": "rowan@example.org", "preferredLanguage": "English",
                "emergencyName": "Pat Detailtest", "emergencyRelationship": "parent", "emergencyPhone": "07700 900778",
                "gpName": "Dr Example", "gpPractice": "Example Surgery", "carerName": "Pat Detailtest", "carerRelationship": "mother",
                "carerSessions[]": "family-sessions"]

    @Test func registrationRecordsTheDetailsAndTheChartShowsThem() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/patients/new").body.string.contains("MBT-A (adolescents)"))
            // act
            let created = try await ash.post("/patients/new", form: form)
            // verify
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let chart = try await ash.get(path).body.string
            #expect(chart.contains("MBT-A (adolescents)") && chart.contains("9434765919") && chart.contains("07700 900777"))
            #expect(chart.contains("Pat Detailtest (mother)") && chart.contains("family sessions"))
            let details = try #require(try await PatientDetails.query(on: app.db).filter(\.$email == "rowan@example.org").first())
            #expect(details.carerSessions == "family-sessions")
        }
    }

    @Test func badDetailsAreExplainedAndWhatWasTypedIsKept() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/new")
            var bad = form
            bad["identifierValue"] = "943 476 5918"
            bad["email"] = "rowan@"
            bad["phone"] = "12"
            bad["programmeType"] = UUID().uuidString
            let refused = try await ash.post("/patients/new", form: bad)
            #expect(refused.status == .badRequest)
            let body = refused.body.string
            #expect(body.contains("NHS number is not valid") && body.contains("email address does not look right") && body.contains("6 to 15 digits"))
            #expect(body.contains("Choose the programme."))
            #expect(body.contains("value=\"943 476 5918\""), "what was typed is kept")
            #expect(try await Patient.query(on: app.db).count() == 12)
        }
    }

    @Test func theCaseloadTherapistEditsTheDetailsAndOthersOnlyRead() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let path = "/patients/\(avery.id.uuidString)/details"
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let page = try await ash.get(path).body.string
            #expect(page.contains("Change the details") && page.contains("07700 900101"))
            var edit = ["programmeType": ProgrammeType.adultID.uuidString, "identifierType": "bsn", "identifierValue": "111222333", "phone": "+31 20 123 4567"]
            #expect(try await ash.post(path + "/save", form: edit).status == .seeOther)
            let identifiers = try await PatientIdentifierRecord.query(on: app.db).filter(\.$patient.$id == avery.id).all()
            #expect(Set(identifiers.map(\.type)) == ["nhs", "bsn"], "the NHS number stays, the BSN is added")
            try await ash.get(path)
            edit["carerName"] = "Someone"
            let refused = try await ash.post(path + "/save", form: edit)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("adolescent programmes only"))
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let leadPage = try await lead.get(path).body.string
            #expect(leadPage.contains("+31 20 123 4567") && !leadPage.contains("Change the details"))
            #expect(try await lead.post(path + "/save", form: edit).status == .notFound)
        }
    }
}
