import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct PatientChartTests {
    @Test func theChartLoadsInAFixedNumberOfQueriesWhateverTheRecordHolds() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: one row in every growing section, so each eager load already runs
            let avery = DemoPatients.all[0]
            let all = PatientChart.Visibility(freeText: true, clinical: true, measures: true)
            func grow(_ rows: ClosedRange<Int>) async throws {
                for day in rows {
                    let event = ClinicalEventRecord()
                    event.$patient.id = avery.id
                    (event.kind, event.occurredOn, event.method, event.severity, event.reporter) = ("self-harm", "2026-05-\(String(format: "%02d", day % 28 + 1))", "cutting", "minor", "patient")
                    (event.note, event.patientReported, event.$recordedBy.id, event.recordedAt) = ("", false, DemoStaff.therapistAsh.id, app.clock.now())
                    try await event.create(on: app.db)
                    try await ConsentRecord(patientID: avery.id, kind: "research", state: "given", recordedAt: app.clock.now(), recordedBy: DemoStaff.therapistAsh.id).create(on: app.db)
                    try await ProgrammeTransitionRecord(patientID: avery.id, fromStatus: "treatment", toStatus: "treatment", occurredAt: app.clock.now(), reason: "test", decidedBy: DemoStaff.therapistAsh.id).create(on: app.db)
                }
            }
            try await grow(1...1)
            let before = QueryCounter()
            let small = try await PatientChart.load(patientID: avery.id, visibility: all, on: CountingDatabase(base: app.db, counter: before), now: app.clock.now())
            // act: the record grows in every section
            try await grow(2...21)
            let after = QueryCounter()
            let large = try await PatientChart.load(patientID: avery.id, visibility: all, on: CountingDatabase(base: app.db, counter: after), now: app.clock.now())
            // verify
            #expect(large.events.count == small.events.count + 20 && large.history.count == small.history.count + 20)
            #expect(after.count == before.count, "no query per row: \(before.count) then \(after.count)")
            #expect(after.count <= 25)
            let hidden = QueryCounter()
            _ = try await PatientChart.load(patientID: avery.id, visibility: .init(), on: CountingDatabase(base: app.db, counter: hidden), now: app.clock.now())
            #expect(hidden.count < after.count, "sections the viewer may not read are not loaded")
        }
    }

    @Test func theChartShowsEachSectionOnlyToThoseWhoMayReadIt() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let chart = try await ash.get("/patients/\(avery.id.uuidString)").body.string
            for text in ["Case formulation", "Not yet agreed by the patient", "Clinical events", "Emergency department visit", "Questionnaires completed",
                         "Open the assessment", "MBT (adults)", "Robin Ash (demo therapist)", "Current phase"] {
                #expect(chart.contains(text), "\(text)")
            }
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let leadChart = try await lead.get("/patients/\(avery.id.uuidString)").body.string
            #expect(leadChart.contains("MBT (adults)") && leadChart.contains("Current phase"))
            for text in ["Case formulation", "Clinical events", "Open the assessment", "Questionnaires completed"] {
                #expect(!leadChart.contains(text), "the lead sees no \(text)")
            }
            // Free text staff wrote for the team (issue 14, F5): the therapist reads it, the lead does not.
            for text in ["Demo MDT: criteria met", "Demo: planned step", "Demo referral"] {
                #expect(chart.contains(text), "the therapist reads \(text)")
                #expect(!leadChart.contains(text), "the lead does not read \(text)")
            }
        }
    }
}
