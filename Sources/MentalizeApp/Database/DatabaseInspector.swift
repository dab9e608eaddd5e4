import Fluent
import Foundation
import SQLKit
import Vapor

/// Read-only questions asked of the database at start-up and by `/readyz`.
struct DatabaseInspector: Sendable {
    let sql: any SQLDatabase

    init(_ database: any Database) throws {
        guard let sql = database as? any SQLDatabase else {
            throw ConfigurationError("the configured database does not speak SQL")
        }
        self.sql = sql
    }

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Runs `SELECT 1`.
    func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS one").first()
    }

    func tableExists(_ name: String) async throws -> Bool {
        let query: SQLQueryString = isSQLite
            ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)"
            : "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(bind: name)"
        let row = try await sql.raw(query).first()
        return try (row?.decode(column: "n", as: Int.self) ?? 0) > 0
    }

    /// Names of the migrations recorded in Fluent's history table (empty for a new database).
    func appliedMigrations() async throws -> [String] {
        guard try await tableExists("_fluent_migrations") else { return [] }
        return try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// The fingerprint of the key this database's data belongs to, if recorded.
    func recordedKeyFingerprint() async throws -> String? {
        guard try await tableExists(Installation.schema) else { return nil }
        let row = try await sql.raw("SELECT key_fingerprint FROM installation LIMIT 1").first()
        return try row?.decode(column: "key_fingerprint", as: String.self)
    }

    /// One SQLite pragma's value on this connection.
    func pragma(_ name: SQLitePragma) async throws -> String {
        let row = try await sql.raw(SQLQueryString("PRAGMA \(unsafeRaw: name.rawValue)")).first()
        guard let row else { return "" }
        if let number = try? row.decode(column: name.rawValue, as: Int.self) { return String(number) }
        return (try? row.decode(column: name.rawValue, as: String.self)) ?? ""
    }
}

/// The pragmas Mentalize depends on for durability and integrity.
enum SQLitePragma: String, CaseIterable, Sendable {
    case journalMode = "journal_mode"
    case synchronous
    case foreignKeys = "foreign_keys"

    /// The value every connection must report (`synchronous` 2 is FULL).
    var required: String {
        switch self {
        case .journalMode: "wal"
        case .synchronous: "2"
        case .foreignKeys: "1"
        }
    }
}
