import Fluent
import Foundation

/// One table in a backup: how to read its rows out as JSON (a page at a time, by id) and how to
/// write rows back. Rows travel as the model's own Codable form, so a backup taken on SQLite
/// restores on PostgreSQL and the other way round. Rows are written back with every stored value
/// as it was (creation timestamps included), not through `create()`, which would stamp them anew.
struct BackupTable: Sendable {
    let schema: String
    /// Calls `row` with each row's JSON, in id order; returns how many.
    let export: @Sendable (_ database: any Database, _ row: (Data) throws -> Void) async throws -> Int
    /// Inserts the rows (JSON, as exported) in one statement.
    let insert: @Sendable (_ database: any Database, _ rows: [Data]) async throws -> Void
    let deleteAll: @Sendable (_ database: any Database) async throws -> Void

    static let pageSize = 500

    static func of<M: Model>(_ type: M.Type) -> BackupTable where M.IDValue == UUID {
        BackupTable(
            schema: M.schema,
            export: { database, row in
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                var last: UUID?
                var count = 0
                while true {
                    var query = M.query(on: database).sort(\._$id).limit(pageSize)
                    if let last { query = query.filter(\._$id > last) }
                    let page = try await query.all()
                    for model in page { try row(try encoder.encode(model)) }
                    count += page.count
                    guard page.count == pageSize, let next = page.last?.id else { return count }
                    last = next
                }
            },
            insert: { database, rows in
                guard !rows.isEmpty else { return }
                let decoder = JSONDecoder()
                let values = try rows.map { json in
                    let collector = StoredValues()
                    try decoder.decode(M.self, from: json).input(to: collector)
                    return collector.values
                }
                try await M.query(on: database).set(values).create()
            },
            deleteAll: { database in try await M.query(on: database).delete() }
        )
    }
}

/// Collects every stored value of a model (changed or not), for writing it back as it was.
private final class StoredValues: DatabaseInput {
    var values: [FieldKey: DatabaseQuery.Value] = [:]
    var wantsUnmodifiedKeys: Bool { true }

    func set(_ value: DatabaseQuery.Value, at key: FieldKey) { values[key] = value }
}
