import Crypto
import Fluent
import Foundation
import SQLKit

/// Writes a backup of every table in ``BackupCatalog`` to a file, streaming (a page of rows in
/// memory at a time) from one consistent snapshot of the database. The file is created readable
/// by its owner only, and written to a temporary name first so a failed backup never leaves a
/// file that looks complete.
struct BackupWriter {
    let database: any Database
    let secretKey: SymmetricKey
    let migrations: [String]
    let now: Date

    /// Rows written per table.
    func write(to url: URL) async throws -> [String: Int] {
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = try? FileHandle(forWritingTo: partial) else {
            throw BackupError.cannotWrite(url.path)
        }
        var closed = false
        defer {
            if !closed { try? handle.close() }
            try? FileManager.default.removeItem(at: partial)
        }
        let cipher = FieldCipher(secretKey: secretKey, purpose: BackupFormat.cipherPurpose)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let headerEncoder = JSONEncoder()
        headerEncoder.outputFormatting = .sortedKeys
        headerEncoder.dateEncodingStrategy = .iso8601
        let header = try headerEncoder.encode(BackupFormat.Header(createdAt: now, keyFingerprint: SecretKeyStore.fingerprint(of: secretKey), migrations: migrations.sorted()))
        try handle.write(contentsOf: header + Data("\n".utf8))
        // One read transaction for every table: a consistent snapshot while the server keeps
        // writing (SQLite's WAL gives it from the first read; PostgreSQL needs REPEATABLE READ),
        // so no row can name a parent that the backup does not hold.
        let (counts, rows) = try await database.transaction { db -> ([String: Int], Int) in
            if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            }
            var number = 0
            var counts: [String: Int] = [:]
            for table in BackupCatalog.tables {
                counts[table.schema] = try await table.export(db) { row in
                    number += 1
                    let record = try encoder.encode(BackupFormat.Record(number: number, table: table.schema, row: row))
                    try handle.write(contentsOf: Data(try cipher.seal(record).utf8) + Data("\n".utf8))
                }
            }
            return (counts, number)
        }
        let closing = BackupFormat.Record(number: rows + 1, rowsPerTable: counts, headerDigest: Self.digest(header))
        try handle.write(contentsOf: Data(try cipher.seal(try encoder.encode(closing)).utf8) + Data("\n".utf8))
        try handle.synchronize()
        try handle.close()
        closed = true
        if FileManager.default.fileExists(atPath: url.path) { throw BackupError.exists(url.path) }
        try FileManager.default.moveItem(at: partial, to: url)
        return counts
    }

    static func digest(_ header: Data) -> String {
        SHA256.hash(data: header).map { String(format: "%02x", $0) }.joined()
    }
}

/// Why a backup could not be written or restored, in words for an operator.
enum BackupError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(String)
    case exists(String)
    case cannotRead(String)
    case notABackup
    case newerFormat(Int)
    case wrongKey
    case damaged(line: Int, reason: String)
    case unknownMigrations([String])
    case targetInUse

    var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        case .exists(let path): "\(path) already exists; choose a new file name"
        case .cannotRead(let path): "cannot read \(path)"
        case .notABackup: "this is not a Mentalize backup"
        case .newerFormat(let version): "this backup has format version \(version), newer than this program reads; restore it with a newer Mentalize"
        case .wrongKey: "this backup was sealed with another secret key; put that installation's secret.key in the data directory"
        case .damaged(let line, let reason): "the backup is damaged\(line > 0 ? " at line \(line)" : "") (\(reason)); nothing was restored"
        case .unknownMigrations(let names): "the backup comes from a newer Mentalize (migrations \(names.joined(separator: ", ")) are unknown here); upgrade first"
        case .targetInUse: "the target database already holds accounts or patients; restore into a new installation, or pass --replace-existing-data"
        }
    }
}
