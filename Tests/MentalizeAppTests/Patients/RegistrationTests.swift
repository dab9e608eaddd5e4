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

    @Test func anNHSNumberAlreadyOnFileIsRefusedWithoutNamingItsPatient() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Devon's NHS number, typed with spaces; Devon is not on Ash's caseload
            let devon = DemoPatients.all[3]
            let taken = try #require(try await PatientIdentifierRecord.query(on: app.db).filter(\.$patient.$id == devon.id).filter(\.$type == "nhs").first()).value
            let spaced = "\(taken.prefix(3)) \(taken.dropFirst(3).prefix(3)) \(taken.suffix(4))"
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/new")
            var second = form
            (second["identifierType"], second["identifierValue"]) = ("nhs", spaced)
            // act
            let refused = try await ash.post("/patients/new", form: second)
            second["confirmDuplicate"] = "on"
            let confirmed = try await ash.post("/patients/new", form: second)
            // verify
            #expect(refused.status == .conflict)
            let body = refused.body.string
            #expect(body.contains("This NHS number is already registered for another patient") && body.contains("ask your programme lead"))
            #expect(!body.contains(devon.givenName) && !body.contains("Testpatient"), "nothing about whose number it is")
            #expect(body.contains("value=\"Morgan\"") && body.contains("value=\"\(spaced)\""), "what was typed is kept")
            #expect(confirmed.status == .conflict, "confirming a name duplicate does not override a taken number")
            #expect(try await Patient.query(on: app.db).filter(\.$familyName == "Newcomer").count() == 0)
        }
    }

    @Test func theDetailsPageRefusesAnotherPatientsNHSNumberButKeepsTheirOwn() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let avery = DemoPatients.all[0]
            let devonNumber = try #require(try await PatientIdentifierRecord.query(on: app.db).filter(\.$patient.$id == DemoPatients.all[3].id).first()).value
            let ownNumber = try #require(try await PatientIdentifierRecord.query(on: app.db).filter(\.$patient.$id == avery.id).first()).value
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/details"
            try await ash.get(path)
            var details = ["programmeType": ProgrammeType.adultID.uuidString, "identifierType": "nhs", "identifierValue": devonNumber]
            // act
            let refused = try await ash.post(path + "/save", form: details)
            details["identifierValue"] = ownNumber
            let kept = try await ash.post(path + "/save", form: details)
            // verify
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("already registered for another patient"))
            #expect(kept.status == .seeOther, "saving a patient's own number again is fine")
        }
    }

    @Test func anAdultProgrammeNeedsSixteenAndAReferralCannotPrecedeBirth() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/new")
            var child = form
            child["dateOfBirth"] = "2023-05-01"
            child["receivedOn"] = "2022-01-01"
            let refused = try await ash.post("/patients/new", form: child)
            #expect(refused.status == .badRequest)
            let body = refused.body.string
            #expect(body.contains("MBT (adults) is for people aged 16 or over"))
            #expect(body.contains("cannot have arrived before the date of birth"))
            child["receivedOn"] = "2026-11-01"
            child["programmeType"] = ProgrammeType.adolescentID.uuidString
            #expect(try await ash.post("/patients/new", form: child).status == .seeOther, "MBT-A takes the young")
            try await ash.get("/patients/new")
            var sixteen = form
            sixteen["dateOfBirth"] = "2000-01-01"
            #expect(try await ash.post("/patients/new", form: sixteen).status == .seeOther)
        }
    }
}
