import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct ProgrammeDashboardTests {
    @Test func theFiguresCountPhasesWaitingTimesAndDropOutsFromTheRecords() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: one demo patient in treatment drops out
            let avery = try #require(try await Patient.find(DemoPatients.all[0].id, on: app.db))
            try await ProgrammeTransitionRecord(patientID: DemoPatients.all[0].id, fromStatus: "treatment", toStatus: "exited:dropped-out",
                                                occurredAt: app.clock.now(), reason: "Stopped coming", decidedBy: DemoStaff.therapistAsh.id).create(on: app.db)
            avery.phase = "exited:dropped-out"
            try await avery.update(on: app.db)
            // act
            let figures = try await ProgrammeFigures.compute(on: app.db)
            // verify: 12 patients by status; the demo moves are a week apart from the referral
            #expect(figures.perStatus[.inPhase(.treatment)] == 2)
            #expect(figures.perStatus[.exited(.droppedOut)] == 1)
            #expect(figures.perStatus.values.reduce(0, +) == 12)
            #expect(figures.medianDaysToAssessment == 7)
            #expect(figures.medianDaysToTreatment == 21)
            #expect(figures.dropOutsByPhase == [.treatment: 1])
            #expect(ProgrammeFigures.median([3, 1, 2, 10]) == 2.5)
        }
    }

    @Test func thePageShowsNoNamesOrFreeText() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let page = try await lead.get("/programme")
            #expect(page.status == .ok)
            // The form token is random text: a name could appear in it by chance ("…giKaiKk…").
            let body = page.body.string.replacingOccurrences(of: #"value="[A-Za-z0-9_-]{43}""#, with: "", options: .regularExpression)
            #expect(body.contains("Referral to treatment") && body.contains("21 days"))
            for patient in DemoPatients.all { #expect(!body.contains(patient.givenName)) }
            #expect(!body.contains("Demo referral"), "no referral reasons")
        }
    }
}
