import Fluent

/// 005-06: group waiting lists.
struct CreateWaitingList: AsyncMigration {
    var name: String { "005-06-create-group-waiting-list" }

    func prepare(on database: any Database) async throws {
        try await database.schema(WaitingListRecord.schema)
            .id()
            .field("group_id", .uuid, .required, .references(TherapyGroup.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("since", .string, .required)
            .field("added_at", .datetime, .required)
            .unique(on: "group_id", "patient_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WaitingListRecord.schema).delete()
    }
}
