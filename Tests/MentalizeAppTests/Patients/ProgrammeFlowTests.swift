import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct ProgrammeFlowTests {
    let gray = DemoPatients.all[6]  // in assessment, on Ash's caseload

    @Test func aTherapistRecordsSuitabilityThenMovesThePatientAndInvalidMovesAreExplained() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(gray.id.uuidString)"
            let page = try await ash.get(path)
            #expect(page.body.string.contains("Move along the programme"))
            // refused: treatment needs a suitability decision
            let refused = try await ash.post(path + "/programme", form: ["target": "treatment", "reason": "Ready to start"])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("cannot start without a team decision"))
            // the team decides, once the suitability checklist is done; the move is then accepted and shows in the history
            let decision = ["decision": "suitable", "reasons": "MDT 12 Nov: criteria met, willing to engage", "participants": "Robin Ash, Sam Birch, Alex Cedar"]
            let early = try await ash.post(path + "/suitability", form: decision)
            #expect(early.status == .conflict)
            #expect(early.body.string.contains("Complete the suitability checklist"))
            try await ash.get(path + "/assessment")
            let checklist = ["activePsychosis": "absent", "severeCognitiveImpairment": "absent", "noWillingnessToEngage": "absent"]
            #expect(try await ash.post(path + "/assessment/checklist", form: checklist).status == .seeOther)
            try await ash.get(path)
            let decided = try await ash.post(path + "/suitability", form: decision)
            #expect(decided.status == .seeOther)
            try await ash.get(path)
            let moved = try await ash.post(path + "/programme", form: ["target": "mbt-i", "reason": "Joins the January MBT-I group"])
            #expect(moved.status == .seeOther)
            let after = try await ash.get(path).body.string
            #expect(after.contains("Joins the January MBT-I group"))
            #expect(after.contains("Suitable for MBT"))
            let patient = try #require(try await Patient.find(gray.id, on: app.db))
            #expect(patient.phase == "mbt-i")
            // refused: a step backwards
            let backwards = try await ash.post(path + "/programme", form: ["target": "referral", "reason": "Entered by mistake"])
            #expect(backwards.status == .conflict)
            #expect(backwards.body.string.contains("does not follow"))
            #expect(try await ProgrammeTransitionRecord.query(on: app.db).filter(\.$patient.$id == gray.id).count() == 2, "the demo referral→assessment move and this one")
        }
    }

    @Test func aSupervisorReadsButCannotMoveAndAnUnknownTargetIsRefused() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            let page = try await cedar.get("/patients/\(gray.id.uuidString)")
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("Move along the programme"))
            #expect(try await cedar.post("/patients/\(gray.id.uuidString)/programme", form: ["target": "exited:declined", "reason": "No longer wants it"]).status == .notFound)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/home")
            #expect(try await ash.post("/patients/\(gray.id.uuidString)/programme", form: ["target": "on-holiday", "reason": "Away"]).status == .badRequest)
        }
    }
}

@Suite struct ConsentTests {
    @Test func consentIsRecordedGivenThenWithdrawnAndTheLatestCounts() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)"
            #expect(try await ash.get(path).body.string.contains("<span>Research</span>: <strong>not recorded</strong>"))
            #expect(try await ash.post(path + "/consents", form: ["kind": "research", "state": "given"]).status == .seeOther)
            app.clock.advance(by: 60)
            try await ash.get(path)
            #expect(try await ash.post(path + "/consents", form: ["kind": "research", "state": "withdrawn"]).status == .seeOther)
            let page = try await ash.get(path).body.string
            #expect(page.contains("<span>Research</span>: <strong>withdrawn</strong>"))
            #expect(try await ConsentRecord.query(on: app.db).count() == 2, "the earlier decision is kept")
            #expect(try await ash.post(path + "/consents", form: ["kind": "everything", "state": "given"]).status == .badRequest)
        }
    }
}

/// Treatment may start before its consent is recorded (it may be on paper), but the chart says so
/// until the consent is recorded.
@Suite struct TreatmentConsentWarningTests {
    let emery = DemoPatients.all[4]

    @Test func startingTreatmentWithoutRecordedConsentWarnsWithoutBlocking() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await ConsentRecord.query(on: app.db).filter(\.$patient.$id == emery.id).delete()
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let chart = SiteRoute.patient.path(patient: emery.id)
            #expect(!(try await ash.get(chart).body.string.contains("id=\"consent-warning\"")), "not in treatment yet")
            let moved = try await ash.post(SiteRoute.patientProgramme.path(patient: emery.id), form: ["target": "treatment", "reason": "Finished MBT-I, ready for the weekly programme"])
            #expect(moved.status == .seeOther && moved.headers.first(name: .location) == chart + "?warning=treatment-consent")
            #expect(try await Patient.find(emery.id, on: app.db)?.phase == "treatment", "a warning, not a block")
            #expect(try await ash.get(chart).body.string.contains("no treatment consent is recorded"))
            #expect(try await ash.post(SiteRoute.patientConsents.path(patient: emery.id), form: ["kind": "treatment", "state": "given"]).status == .seeOther)
            #expect(!(try await ash.get(chart).body.string.contains("id=\"consent-warning\"")))
        }
    }
}
