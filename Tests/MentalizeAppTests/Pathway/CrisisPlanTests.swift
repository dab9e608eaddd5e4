import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct CrisisPlanTests {
    let avery = DemoPatients.all[0]

    @Test func theTherapistWritesVersionsAndThePatientReadsTheLatestWithHelplines() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/crisis-plan"
            #expect(try await ash.get(path).body.string.contains("No crisis plan has been written yet"))
            #expect(try await ash.post(path + "/versions", form: [:]).status == .badRequest)
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions", form: ["warningSigns": "Not sleeping; replaying arguments", "whatICanDo": "Cold water, walk the dog"]).status == .seeOther)
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions", form: ["warningSigns": "Not sleeping; replaying arguments", "whatICanDo": "Cold water, walk the dog, call my sister"]).status == .seeOther)
            let versions = try await CrisisPlanVersion.query(on: app.db).filter(\.$patient.$id == avery.id).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].whatICanDo == "Cold water, walk the dog", "earlier versions are kept as written")
            let history = try await ash.get(path).body.string
            #expect(history.contains("<p class=\"prewrap\">Cold water, walk the dog</p>"), "an earlier version can be read in full")
            #expect(history.range(of: #"Version 1: \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}, Robin Ash \(demo therapist\)</summary>"#, options: .regularExpression) != nil,
                    "with when (in the clinic's time) and who wrote it")

            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let home = try await patient.get("/home").body.string
            #expect(home.contains("href=\"/me/crisis-plan\""), "one tap from the header")
            let plan = try await patient.get("/me/crisis-plan")
            #expect(plan.status == .ok)
            let body = plan.body.string
            #expect(body.contains("call my sister") && body.contains("Version 2"))
            #expect(body.contains("href=\"tel:116123\"") && body.contains("Samaritans"))
        }
    }

    @Test func onlyTheCareTeamAndThePatientSeeThePlan() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let path = "/patients/\(avery.id.uuidString)/crisis-plan"
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get(path).status == .notFound, "no free text for the lead")
            #expect(try await lead.get("/me/crisis-plan").status == .notFound, "staff have no plan of their own")
            let supervisor = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            let read = try await supervisor.get(path)
            #expect(read.status == .ok)
            #expect(!read.body.string.contains("Save a new version"))
            #expect(try await supervisor.post(path + "/versions", form: ["warningSigns": "x"]).status == .notFound)
            let blake = try await SignedInClients.web(app, userID: DemoPatients.all[1].userID)
            #expect(try await blake.get(path).status == .notFound)
        }
    }

    @Test func aGroupsCoTherapistReadsAMembersCrisisPlanButNeitherEditsItNorReadsTheFormulation() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // Avery is on Ash's caseload and in the Tuesday group that Birch co-leads.
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/crisis-plan"
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions", form: ["warningSigns": "Not sleeping", "whatICanDo": "Call my sister"]).status == .seeOther)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let group = try await birch.get("/groups/\(SessionFixtures.tuesdayGroup.uuidString)").body.string
            #expect(group.contains("href=\"\(path)\""), "the group page links each member's crisis plan")
            let plan = try await birch.get(path, headers: ["X-Request-Id": "co-read"])
            #expect(plan.status == .ok && plan.body.string.contains("Call my sister"))
            #expect(!plan.body.string.contains("name=\"warningSigns\""), "read, not edit: no form")
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "co-read").filter(\.$recordType == "crisisPlan").first())
            #expect(event.outcome == "allowed" && event.actorID == DemoStaff.therapistBirch.id && event.patientID == avery.id)
            #expect(try await birch.post(path + "/versions", form: ["warningSigns": "x", "whatICanDo": "y"]).status == .notFound)
            #expect(try await birch.get("/patients/\(avery.id.uuidString)/formulation").status == .notFound, "the formulation stays the care team's")
            let chart = try await birch.get("/patients/\(avery.id.uuidString)").body.string
            #expect(chart.contains("id=\"chart-crisis\""), "the chart shows the plan's section to the co-therapist")
        }
    }
}
