import Foundation
@testable import MentalizeApp
import SQLKit

/// Every row of every table, as text, so a test can tell whether anything at all was written
/// (an UPDATE that keeps the row count shows too). Works on SQLite (`quote()` of each column) and
/// PostgreSQL (each row's text form).
struct TableFingerprint: Equatable {
    let tables: [String: String]

    static func take(_ sql: any SQLDatabase, leaving left: Set<String>) async throws -> TableFingerprint {
        var tables: [String: String] = [:]
        for table in try await names(sql) where !left.contains(table) {
            tables[table] = try await contents(of: table, sql)
        }
        return TableFingerprint(tables: tables)
    }

    /// The tables whose text differs between two fingerprints.
    func changed(since earlier: TableFingerprint) -> [String] {
        Set(tables.keys).union(earlier.tables.keys).filter { tables[$0] != earlier.tables[$0] }.sorted()
    }

    private static func names(_ sql: any SQLDatabase) async throws -> [String] {
        let query = sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        return try await sql.raw("\(unsafeRaw: query)").all().map { try $0.decode(column: "name", as: String.self) }
    }

    private static func contents(of table: String, _ sql: any SQLDatabase) async throws -> String {
        let row: (any SQLRow)?
        if sql.dialect.name == "sqlite" {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) }
            let quoted = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
            let query = "SELECT COALESCE(group_concat(line, char(10)), '') AS text FROM (SELECT \(quoted) AS line FROM \"\(table)\" ORDER BY 1)"
            row = try await sql.raw("\(unsafeRaw: query)").first()
        } else {
            let query = "SELECT COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '') AS text FROM \"\(table)\" t"
            row = try await sql.raw("\(unsafeRaw: query)").first()
        }
        return try row?.decode(column: "text", as: String.self) ?? ""
    }
}
