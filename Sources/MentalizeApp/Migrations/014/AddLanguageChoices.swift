import Fluent

/// 014-01: a person's chosen language, the clinic's default (nil: follow each browser), and the
/// language a helpline answers in (nil: any).
struct AddLanguageChoices: AsyncMigration {
    var name: String { "014-01-add-language-choices" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserAccount.schema).field("language", .string).update()
        try await database.schema(Clinic.schema).field("default_language", .string).update()
        try await database.schema(Helpline.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Helpline.schema).deleteField("language").update()
        try await database.schema(Clinic.schema).deleteField("default_language").update()
        try await database.schema(UserAccount.schema).deleteField("language").update()
    }
}
