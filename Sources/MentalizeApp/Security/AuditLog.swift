import Fluent
import Foundation
import MentalizeCore
import SQLKit
import Vapor

/// What one request asks the audit log to record (the log adds sequence, time and hashes).
struct AuditEntry: Sendable {
    let actorID: UUID
    let actorRole: Role
    let patientID: UUID?
    let recordType: String
    let recordID: String?
    let action: AccessAction
    let outcome: AuditOutcome
    let requestID: String
    let breakGlass: Bool
    /// What a write changed (see ``AuditEvent/detail``).
    var detail: String? = nil
}

/// The append-only, hash-chained audit log with group commit: entries from concurrent requests
/// are written together in one transaction, and each request waits until its own entries are
/// durable. If the write fails, every waiting request fails (fail-closed). Across app nodes on
/// PostgreSQL, appends are serialised with a transaction-scoped advisory lock.
actor AuditLog {
    private let database: any Database
    private let clock: AppClock
    private var pending: [(entries: [AuditEntry], waiter: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false

    static let appendLockKey = 7_265_123_002

    init(database: any Database, clock: AppClock) {
        self.database = database
        self.clock = clock
    }

    /// Writes the entries and returns once they are committed.
    func record(_ entries: [AuditEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
            pending.append((entries, waiter))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                try await append(batch.flatMap(\.entries))
                batch.forEach { $0.waiter.resume() }
            } catch {
                batch.forEach { $0.waiter.resume(throwing: error) }
            }
        }
        flushing = false
    }

    private func append(_ entries: [AuditEntry]) async throws {
        let now = clock.now()
        try await database.transaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                _ = try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.appendLockKey))").all()
            }
            let last = try await AuditEventRecord.query(on: db).sort(\.$sequence, .descending).first()
            var sequence = (last?.sequence ?? 0)
            var previousHash = try last.map { try AuditRecordMapping.hashBytes($0.hash) } ?? AuditChain.genesisHash
            var records: [AuditEventRecord] = []
            for entry in entries {
                sequence += 1
                let event = AuditEvent(sequence: sequence, actorID: UserID(entry.actorID), actorRole: entry.actorRole,
                                       patientID: entry.patientID.map(PatientID.init), recordType: entry.recordType,
                                       recordID: entry.recordID, action: entry.action, outcome: entry.outcome,
                                       time: now, requestID: entry.requestID, breakGlass: entry.breakGlass, detail: entry.detail)
                let hash = AuditChain.hash(of: event, previousHash: previousHash)
                records.append(AuditRecordMapping.record(for: event, previousHash: previousHash, hash: hash))
                previousHash = hash
            }
            try await records.create(on: db)
        }
    }
}

struct AuditLogKey: StorageKey {
    typealias Value = AuditLog
}

extension Application {
    /// The application's audit log (one per process; several processes share the chain in the database).
    var auditLog: AuditLog {
        get throws {
            guard let log = storage[AuditLogKey.self] else { throw Abort(.internalServerError, reason: "audit log not configured") }
            return log
        }
    }
}
