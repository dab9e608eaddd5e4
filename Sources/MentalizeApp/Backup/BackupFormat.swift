import Foundation

/// The backup file: JSON lines. The first line is a plain header (no patient data: format, when,
/// which secret key and which migrations); every further line is one record sealed with a key
/// derived from the installation's secret key (AES-256-GCM), so the file is unreadable without
/// that key. Records are numbered from 1 and the last one closes the file with the row counts and
/// a digest of the header, so a missing, repeated, reordered or cut-off line is detected.
enum BackupFormat {
    static let name = "mentalize-backup"
    static let version = 1
    static let cipherPurpose = "backup v1"

    struct Header: Codable, Equatable {
        var format = BackupFormat.name
        var version = BackupFormat.version
        let createdAt: Date
        let keyFingerprint: String
        let migrations: [String]
    }

    /// A sealed line: a table's row, or the closing record.
    struct Record: Codable {
        let number: Int
        var table: String?
        var row: Data?
        /// Only on the closing record.
        var rowsPerTable: [String: Int]?
        var headerDigest: String?
    }
}
