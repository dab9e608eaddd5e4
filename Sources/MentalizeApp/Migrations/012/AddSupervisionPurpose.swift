import Fluent

/// 012-01: each supervision link says what it is for (a ``SupervisionPurpose``): a therapist may
/// have an MBT supervisor and a licensing supervisor. Links made before are MBT supervision.
struct AddSupervisionPurpose: AsyncMigration {
    var name: String { "012-01-add-supervision-purpose" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionLinkRecord.schema).field("purpose", .string).update()
        try await SupervisionLinkRecord.query(on: database).set(\.$purpose, to: "mbt").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupervisionLinkRecord.schema).deleteField("purpose").update()
    }
}
