import Fluent
@testable import MentalizeApp
import Testing
import VaporTesting

/// Issue 15: a patient who edits the URL to a staff page of their own record gets the same audited
/// 404 as for anyone else's record, and never the clinician-only content behind it.
@Suite struct PatientOnStaffPagesTests {
    @Test func aPatientGetsAnAuditedNotFoundOnTheStaffPagesOfTheirOwnRecord() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let avery = DemoPatients.all[0]
            let web = try await SignedInClients.web(app, userID: avery.userID)
            let own = avery.id.uuidString
            for (number, path) in ["/patients", "/patients/\(own)", "/patients/\(own)/diary", "/patients/\(own)/measures", "/patients/\(own)/formulation"].enumerated() {
                // act
                let response = try await web.get(path, headers: ["X-Request-Id": "own-\(number)"])
                // verify
                #expect(response.status == .notFound, "\(path) answered \(response.status.code)")
                #expect(!response.body.string.contains("clinician only"), "\(path) showed clinician-only content")
                let events = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "own-\(number)").all()
                #expect(events.map(\.outcome) == ["denied"], "\(path): \(events.map(\.outcome))")
            }
        }
    }
}
