import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// Background jobs run once per interval across a cluster: the conditional update lets exactly
/// one of several nodes claim a due job, and nobody until the interval has passed.
@Suite struct BackgroundJobTests {
    @Test func oneOfManyNodesClaimsADueJobAndNobodyClaimsItEarly() async throws {
        try await withTestApp { app in
            // setup
            let now = app.clock.now()
            // act: eight nodes ask at once
            let claims = try await withThrowingTaskGroup(of: Bool.self) { group in
                for node in 0..<8 {
                    group.addTask { try await JobClaim(database: try app.sql, node: "node-\(node)").claim("probe", interval: 60, now: now) }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // verify
            #expect(claims.filter { $0 }.count == 1, "claims: \(claims)")
            #expect(try await JobClaim(database: try app.sql, node: "late").claim("probe", interval: 60, now: now.addingTimeInterval(59)) == false)
            #expect(try await JobClaim(database: try app.sql, node: "late").claim("probe", interval: 60, now: now.addingTimeInterval(60)) == true)
            #expect(try await BackgroundJobRecord.find("probe", on: app.db)?.holder == "late")
        }
    }

    @Test func theCatchUpJobAssignsWhatThePlanMadeDue() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: five weeks on, the plan's repeats have come due
            app.clock.advance(by: 35 * 86_400)
            let before = try await MeasureAssignment.query(on: app.db).count()
            // act
            try await AssignmentCatchUpJob(batchSize: 3).run(app, now: app.clock.now())
            let after = try await MeasureAssignment.query(on: app.db).count()
            try await AssignmentCatchUpJob(batchSize: 3).run(app, now: app.clock.now())
            // verify: new assignments, in batches of three patients, and none twice
            #expect(after > before)
            #expect(try await MeasureAssignment.query(on: app.db).count() == after)
        }
    }
}
