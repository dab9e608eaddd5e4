import Crypto
import Fluent
import Foundation
import MentalizeCore

/// Restores a backup: first reads the whole file and checks it (the key, the format, every record
/// in order, the closing counts), then replaces the database's contents in one transaction, so a
/// damaged file or a failure halfway leaves the database as it was. Both passes stream the file.
struct BackupRestorer {
    let database: any Database
    let secretKey: SymmetricKey
    let appliedMigrations: Set<String>

    private var reader: BackupReader { BackupReader(secretKey: secretKey, appliedMigrations: appliedMigrations) }

    static let batchSize = 200

    /// Rows restored per table.
    func restore(from url: URL, replacingExistingData: Bool) async throws -> [String: Int] {
        let counts = try await reader.verify(url)
        if !replacingExistingData, try await UserAccount.query(on: database).count() + Patient.query(on: database).count() > 0 {
            throw BackupError.targetInUse
        }
        let tables = Dictionary(uniqueKeysWithValues: BackupCatalog.tables.map { ($0.schema, $0) })
        try await database.transaction { db in
            // Sign-in sessions go too: they belong to the accounts being replaced.
            try await UserSession.query(on: db).delete()
            for table in BackupCatalog.tables.reversed() { try await table.deleteAll(db) }
            var batch: (table: String, rows: [Data]) = ("", [])
            try await reader.forEachRecord(url) { record in
                guard let name = record.table, let row = record.row else { return }
                if batch.table != name || batch.rows.count == Self.batchSize {
                    try await tables[batch.table]?.insert(db, batch.rows)
                    batch = (name, [])
                }
                batch.rows.append(row)
            }
            try await tables[batch.table]?.insert(db, batch.rows)
        }
        return counts
    }
}

extension BackupRestorer {
    /// Reads and checks the whole file without touching the database; the row counts it holds.
    func verify(_ url: URL) async throws -> [String: Int] {
        try await reader.verify(url)
    }
}
