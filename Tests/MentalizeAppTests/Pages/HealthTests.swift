import Foundation
@testable import MentalizeApp
import SQLKit
import Testing
import VaporTesting

@Suite struct HealthTests {
    @Test func healthzAnswersOkWithARequestID() async throws {
        try await withTestApp { app in
            try await app.liveTester().test(.GET, "/healthz") { response in
                #expect(response.status == .ok)
                #expect(response.body.string == "ok")
                let id = try #require(response.headers.first(name: "X-Request-Id"))
                #expect(id.count == 36)
            }
        }
    }

    @Test func readyzReportsDatabaseAndCurrentMigrations() async throws {
        try await withTestApp { app in
            try await app.liveTester().test(.GET, "/readyz") { response in
                #expect(response.status == .ok)
                let body = try response.content.decode(HealthController.Readiness.self)
                #expect(body.status == "ready")
                #expect(body.database == "ok")
                #expect(body.migrations == "current")
                #expect(body.pendingMigrations == 0)
            }
        }
    }

    @Test func readyzIs503WhenAMigrationIsMissing() async throws {
        try await withTestApp { app in
            // setup: forget one applied migration, as if this binary were newer than the database
            try await app.sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: "001-06-create-relationships")").run()
            // act / verify
            try await app.liveTester().test(.GET, "/readyz") { response in
                #expect(response.status == .serviceUnavailable)
                let body = try response.content.decode(HealthController.Readiness.self)
                #expect(body.migrations == "pending")
                #expect(body.pendingMigrations == 1)
            }
        }
    }

    @Test func aWellFormedIncomingRequestIDIsKeptAndAHostileOneReplaced() async throws {
        try await withTestApp { app in
            let tester = try app.liveTester()
            try await tester.test(.GET, "/healthz", headers: ["X-Request-Id": "lb-1234.abc_9"]) { response in
                #expect(response.headers.first(name: "X-Request-Id") == "lb-1234.abc_9")
            }
            try await tester.test(.GET, "/healthz", headers: ["X-Request-Id": "<script>alert(1)</script>"]) { response in
                let id = try #require(response.headers.first(name: "X-Request-Id"))
                #expect(!id.contains("<"))
                #expect(UUID(uuidString: id) != nil)
            }
        }
    }
}
