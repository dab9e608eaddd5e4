import Crypto
import Foundation
import MentalizeCore

/// Reads a backup file and checks it as it goes: the header (format, key, migrations), then every
/// sealed record in order up to the closing one. It touches no database, so restore runs it once
/// to check and once to insert, and the fuzzer runs it on any bytes.
struct BackupReader {
    let secretKey: SymmetricKey
    let appliedMigrations: Set<String>

    /// Reads and checks the whole file without touching the database; the row counts it holds.
    func verify(_ url: URL) async throws -> [String: Int] {
        var counted = Dictionary(uniqueKeysWithValues: BackupCatalog.tables.map { ($0.schema, 0) })
        var closingCounts: [String: Int]?
        try await forEachRecord(url) { record in
            if let name = record.table { counted[name, default: 0] += 1 } else { closingCounts = record.rowsPerTable }
        }
        guard closingCounts == counted else { throw BackupError.damaged(line: 0, reason: "its closing counts do not match its rows") }
        return counted
    }

    /// Calls `body` with each sealed record in order, checking each; throws at the first problem
    /// (after the calls for the records before it).
    func forEachRecord(_ url: URL, _ body: (BackupFormat.Record) async throws -> Void) async throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw BackupError.cannotRead(url.path) }
        defer { try? handle.close() }
        var lines = LineReader(handle: handle)
        guard let headerLine = lines.next() else { throw lines.readError == nil ? BackupError.notABackup : BackupError.cannotRead(url.path) }
        try checkHeader(Data(headerLine.utf8))
        let headerDigest = BackupWriter.digest(Data(headerLine.utf8))
        let cipher = FieldCipher(secretKey: secretKey, purpose: BackupFormat.cipherPurpose)
        let decoder = JSONDecoder()
        let known = Set(BackupCatalog.tables.map(\.schema))
        var lineNumber = 1
        var expected = 1
        var closed = false
        while let line = lines.next() {
            lineNumber += 1
            if line.isEmpty { continue }
            guard !closed else { throw BackupError.damaged(line: lineNumber, reason: "lines after the closing record") }
            guard let plain = try? cipher.open(line), let record = try? decoder.decode(BackupFormat.Record.self, from: plain) else {
                throw BackupError.damaged(line: lineNumber, reason: "the line cannot be opened with this key or was altered")
            }
            guard record.number == expected else { throw BackupError.damaged(line: lineNumber, reason: "a record is missing or out of order") }
            expected += 1
            if let table = record.table {
                guard known.contains(table), record.row != nil else { throw BackupError.damaged(line: lineNumber, reason: "a row of an unknown table") }
            } else {
                guard record.headerDigest == headerDigest else { throw BackupError.damaged(line: lineNumber, reason: "the header was changed") }
                closed = true
            }
            try await body(record)
        }
        if lines.readError != nil { throw BackupError.cannotRead(url.path) }
        guard closed else { throw BackupError.damaged(line: lineNumber, reason: "the file is cut off before its closing record") }
    }

    private func checkHeader(_ line: Data) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let header = try? decoder.decode(BackupFormat.Header.self, from: line), header.format == BackupFormat.name else {
            throw BackupError.notABackup
        }
        guard header.version <= BackupFormat.version else { throw BackupError.newerFormat(header.version) }
        guard header.keyFingerprint == SecretKeyStore.fingerprint(of: secretKey) else { throw BackupError.wrongKey }
        let unknown = Set(header.migrations).subtracting(appliedMigrations)
        guard unknown.isEmpty else { throw BackupError.unknownMigrations(unknown.sorted()) }
    }
}
