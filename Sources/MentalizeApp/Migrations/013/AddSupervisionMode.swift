import Fluent

/// 013-01: a supervision link has a mode (view, approve or co-sign, a ``SupervisionMode``); links
/// made before only read notes.
struct AddSupervisionMode: AsyncMigration {
    var name: String { "013-01-add-supervision-mode" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionLinkRecord.schema).field("mode", .string).update()
        try await SupervisionLinkRecord.query(on: database).set(\.$mode, to: "view").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupervisionLinkRecord.schema).deleteField("mode").update()
    }
}
