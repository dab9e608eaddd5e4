import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import SQLKit
import Testing
import VaporTesting

/// Tamper trials on a real audit log: each kind of tampering is found by the chain check, which
/// names the first broken row.
@Suite struct AuditTamperTests {
    /// Runs `body` with a demo app whose audit log holds `count` events from real page views.
    private func withAuditedApp(events count: Int, _ body: (Application, any SQLDatabase) async throws -> Void) async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            for index in 0..<count {
                let patient = DemoPatients.all[index % 12]
                #expect(try await lead.get("/patients/\(patient.id.uuidString)").status == .ok)
            }
            guard case .intact(let intact, _, _) = try await AuditChainCheck(database: app.db).run() else {
                Issue.record("the untouched log does not verify")
                return
            }
            #expect(intact == count)
            try await body(app, try app.sql)
        }
    }

    private func check(_ app: Application, anchor: AuditAnchor? = nil) async throws -> AuditChainCheck.Result {
        try await AuditChainCheck(database: app.db, pageSize: 7).run(anchor: anchor)
    }

    @Test(arguments: ["actor_role", "action", "outcome", "patient_id", "record_id", "request_id", "occurred_at_us", "break_glass"])
    func changingAnyFieldIsFoundAtThatRow(field: String) async throws {
        try await withAuditedApp(events: 20) { app, sql in
            let value: SQLQueryString = switch field {
            case "actor_role": "'admin'"
            case "action": "'write'"
            case "outcome": "'denied'"
            case "patient_id": "NULL"
            case "record_id", "request_id": "'forged'"
            case "occurred_at_us": "occurred_at_us + 1"
            default: "NOT break_glass"
            }
            try await sql.raw("UPDATE audit_events SET \(ident: field) = \(value) WHERE sequence = 12").run()
            guard case .broken(let sequence, let reason) = try await check(app) else {
                Issue.record("changing \(field) went unnoticed")
                return
            }
            #expect(sequence == 12)
            #expect(reason.contains("does not match its hash"))
        }
    }

    @Test func deletingARowIsFound() async throws {
        try await withAuditedApp(events: 20) { app, sql in
            try await sql.raw("DELETE FROM audit_events WHERE sequence = 7").run()
            #expect(try await check(app) == .broken(sequence: 8, reason: AuditChainCheck.describe(.unexpectedSequence(expected: 7, found: 8))))
        }
    }

    @Test func insertingAWellFormedRowInTheMiddleIsFound() async throws {
        try await withAuditedApp(events: 20) { app, sql in
            // setup: make room at 10 and insert a row whose own hash is correct for its predecessor
            try await sql.raw("UPDATE audit_events SET sequence = -sequence WHERE sequence >= 10").run()
            try await sql.raw("UPDATE audit_events SET sequence = 1 - sequence WHERE sequence < 0").run()
            let previous = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$sequence == 9).first())
            let forged = AuditEvent(sequence: 10, actorID: UserID(DemoStaff.admin.id), actorRole: .admin, patientID: nil, recordType: "demographics",
                                    recordID: nil, action: .read, outcome: .allowed, time: app.clock.now(), requestID: "forged", breakGlass: false)
            let previousHash = try AuditRecordMapping.hashBytes(previous.hash)
            try await AuditRecordMapping.record(for: forged, previousHash: previousHash, hash: AuditChain.hash(of: forged, previousHash: previousHash)).create(on: app.db)
            // verify: the row after it no longer links
            guard case .broken(let sequence, _) = try await check(app) else {
                Issue.record("the inserted row went unnoticed")
                return
            }
            #expect(sequence == 11)
        }
    }

    @Test func reorderingRowsIsFound() async throws {
        try await withAuditedApp(events: 20) { app, sql in
            try await sql.raw("UPDATE audit_events SET sequence = -1 WHERE sequence = 3").run()
            try await sql.raw("UPDATE audit_events SET sequence = 3 WHERE sequence = 4").run()
            try await sql.raw("UPDATE audit_events SET sequence = 4 WHERE sequence = -1").run()
            guard case .broken(let sequence, _) = try await check(app) else {
                Issue.record("reordering went unnoticed")
                return
            }
            #expect(sequence == 3)
        }
    }

    @Test func cuttingOffTheTailIsFoundAgainstARecordedHead() async throws {
        try await withAuditedApp(events: 20) { app, sql in
            guard case .intact(_, let headSequence, let headHash) = try await check(app) else { return }
            let anchor = try AuditHeadArgument.parse("\(headSequence):\(headHash)")
            try await sql.raw("DELETE FROM audit_events WHERE sequence > 17").run()
            guard case .broken(_, let reason) = try await check(app, anchor: anchor) else {
                Issue.record("the cut went unnoticed")
                return
            }
            #expect(reason.contains("rows were removed from the end"))
        }
    }

    @Test func concurrentRequestsShareTransactionsAndKeepTheChainIntact() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let log = try app.auditLog
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await log.record([AuditEntry(actorID: DemoStaff.lead.id, actorRole: .programmeLead, patientID: DemoPatients.all[index % 12].id,
                                                         recordType: "demographics", recordID: nil, action: .read, outcome: .allowed, requestID: "c\(index)", breakGlass: false)])
                    }
                }
                try await group.waitForAll()
            }
            let result = try await AuditChainCheck(database: app.db).run()
            guard case .intact(let count, let head, _) = result else {
                Issue.record("concurrent appends broke the chain: \(result)")
                return
            }
            #expect(count == 200 && head == 200)
        }
    }
}

@Suite struct AuditFailClosedTests {
    @Test func whenTheAuditLogCannotBeWrittenThePatientIsNotShown() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let avery = DemoPatients.all[0]
            #expect(try await lead.get("/patients/\(avery.id.uuidString)").status == .ok)
            try await app.sql.raw("ALTER TABLE audit_events RENAME TO audit_events_gone").run()
            let response = try await lead.get("/patients/\(avery.id.uuidString)")
            #expect(response.status == .internalServerError)
            #expect(!response.body.string.contains(avery.givenName))
            let list = try await lead.get("/patients")
            #expect(list.status == .internalServerError)
            #expect(!list.body.string.contains(avery.givenName))
            try await app.sql.raw("ALTER TABLE audit_events_gone RENAME TO audit_events").run()
        }
    }
}
