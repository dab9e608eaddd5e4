import Fluent

/// 005-02: the clinic's closed days.
struct CreateClinicHolidays: AsyncMigration {
    var name: String { "005-02-create-clinic-holidays" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicHolidayRecord.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("date", .string, .required)
            .field("name", .string, .required)
            .unique(on: "clinic_id", "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClinicHolidayRecord.schema).delete()
    }
}
