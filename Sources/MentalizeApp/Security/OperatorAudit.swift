import Foundation
import MentalizeCore
import Vapor

/// Audit entries for what an operator does to the whole database with the `mentalize` command at the
/// host: a backup takes every record out (`export`), a restore replaces them all (`write`). The
/// operator has no account, so these entries carry ``actorID``, the all-zero id that no account is
/// given, in the admin role; the audit viewer shows them as the operator's.
enum OperatorAudit {
    static let actorID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    static let backupRecordType = "database-backup"
    static let restoreRecordType = "database-restore"

    /// Records that the operator wrote a backup of every table to `file`.
    static func recordBackup(to file: URL, on app: Application) async throws {
        try await record(.export, recordType: backupRecordType, file: file, on: app)
    }

    /// Records that the operator replaced the database's contents with the backup `file`.
    static func recordRestore(from file: URL, on app: Application) async throws {
        try await record(.write, recordType: restoreRecordType, file: file, on: app)
    }

    private static func record(_ action: AccessAction, recordType: String, file: URL, on app: Application) async throws {
        try await app.auditLog.record([AuditEntry(actorID: actorID, actorRole: .admin, patientID: nil, recordType: recordType,
                                                  recordID: file.path, action: action, outcome: .allowed,
                                                  requestID: "cli-\(UUID().uuidString)", breakGlass: false)])
    }
}
