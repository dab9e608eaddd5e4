import Fluent

/// 007-03: which MBT-I modules a patient may open (unlocked by their therapist) and their progress.
struct CreateModuleProgress: AsyncMigration {
    var name: String { "007-03-create-module-progress" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ModuleProgress.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("module_id", .string, .required)
            .field("unlocked_by", .uuid, .references(UserAccount.schema, "id"))
            .field("unlocked_at", .datetime)
            .field("opened_at", .datetime)
            .field("completed_at", .datetime)
            .unique(on: "patient_id", "module_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ModuleProgress.schema).delete()
    }
}
