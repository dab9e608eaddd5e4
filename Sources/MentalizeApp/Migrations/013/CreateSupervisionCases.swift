import Fluent

/// 013-04: the cases a logged supervision session discussed, as links to the patients' records,
/// so supervision can be counted per case.
struct CreateSupervisionCases: AsyncMigration {
    var name: String { "013-04-create-supervision-cases" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionCaseRecord.schema)
            .id()
            .field("session_id", .uuid, .required, .references(SupervisionSessionRecord.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .unique(on: "session_id", "patient_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupervisionCaseRecord.schema).delete()
    }
}
