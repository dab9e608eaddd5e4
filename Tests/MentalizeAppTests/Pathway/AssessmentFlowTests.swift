import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct AssessmentFlowTests {
    let gray = DemoPatients.all[6]  // in assessment, on Ash's caseload, nothing assessed yet

    @Test func interviewRiskAndChecklistFeedTheDecisionAndTheMoveToMBTI() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(gray.id.uuidString)"
            #expect(try await ash.get(path + "/assessment").body.string.contains("No diagnostic interview recorded yet."))
            // bad input is explained
            let badInterview = try await ash.post(path + "/assessment/interviews", form: ["interview": "scid-5-pd", "conductedOn": "2026-11-02", "assessor": "Robin Ash", "criteriaMet": "12"])
            #expect(badInterview.status == .badRequest)
            #expect(badInterview.body.string.contains("whole number from 0 to 9"))
            let noName = try await ash.post(path + "/assessment/interviews", form: ["interview": "other", "conductedOn": "2026-11-02", "assessor": "Robin Ash"])
            #expect(noName.body.string.contains("name of the other interview"))
            // the records are kept
            #expect(try await ash.post(path + "/assessment/interviews", form: ["interview": "scid-5-pd", "conductedOn": "2026-11-02", "assessor": "Robin Ash",
                                                                               "criteriaMet": "6", "outcome": "Meets criteria for BPD"]).status == .seeOther)
            try await ash.get(path + "/assessment")
            #expect(try await ash.post(path + "/assessment/risk", form: ["assessedOn": "2026-11-03", "assessor": "Robin Ash", "level": "moderate",
                                                                        "summary": "Past overdose, no current plan"]).status == .seeOther)
            try await ash.get(path + "/assessment")
            let excluded = ["activePsychosis": "present", "severeCognitiveImpairment": "absent", "noWillingnessToEngage": "absent", "contraindications[]": "unstable-housing"]
            #expect(try await ash.post(path + "/assessment/checklist", form: excluded).status == .seeOther)
            let page = try await ash.get(path + "/assessment").body.string
            #expect(page.contains("6/9") && page.contains("Past overdose") && page.contains("Moderate") && page.contains("Unstable housing"))
            // an exclusion refuses "suitable", with the reason
            let decision = ["decision": "suitable", "reasons": "MDT: criteria met", "participants": "Robin Ash, Alex Cedar"]
            try await ash.get(path)
            let refused = try await ash.post(path + "/suitability", form: decision)
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("(Active psychosis)"))
            try await ash.get(path + "/assessment")
            #expect(try await ash.post(path + "/assessment/checklist", form: ["activePsychosis": "absent", "severeCognitiveImpairment": "absent",
                                                                             "noWillingnessToEngage": "absent"]).status == .seeOther)
            try await ash.get(path)
            var noParticipants = decision
            noParticipants["participants"] = ""
            #expect(try await ash.post(path + "/suitability", form: noParticipants).status == .badRequest)
            #expect(try await ash.post(path + "/suitability", form: decision).status == .seeOther)
            try await ash.get(path)
            #expect(try await ash.post(path + "/programme", form: ["target": "mbt-i", "reason": "Joins the January MBT-I group"]).status == .seeOther)
            let chart = try await ash.get(path).body.string
            #expect(chart.contains("Robin Ash, Alex Cedar") && chart.contains("Checklist: no exclusion") && chart.contains("MBT-I (introductory group)"))
        }
    }

    @Test func theSupervisorReadsTheAssessmentButCannotWriteAndThePatientNeverSeesIt() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let path = "/patients/\(avery.id.uuidString)/assessment"
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            let page = try await cedar.get(path)
            #expect(page.status == .ok && page.body.string.contains("SCID-5-PD") && !page.body.string.contains("Save the checklist"))
            #expect(try await cedar.post(path + "/risk", form: ["assessedOn": "2026-11-03", "assessor": "Alex Cedar", "level": "low", "summary": "Fine today"]).status == .notFound)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            #expect(try await patient.get(path).status == .notFound)
        }
    }
}
