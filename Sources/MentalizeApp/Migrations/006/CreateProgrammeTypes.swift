import Fluent

/// 006-01: programme types, seeded with the two built-in ones (adult MBT and adolescent MBT-A).
struct CreateProgrammeTypes: AsyncMigration {
    var name: String { "006-01-create-programme-types" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProgrammeType.schema)
            .id()
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("involves_carer", .bool, .required)
            .field("built_in", .bool, .required)
            .field("position", .int, .required)
            .unique(on: "key")
            .create()
        try await ProgrammeType(id: ProgrammeType.adultID, key: "mbt", name: "MBT (adults)", involvesCarer: false, builtIn: true, position: 0).create(on: database)
        try await ProgrammeType(id: ProgrammeType.adolescentID, key: "mbt-a", name: "MBT-A (adolescents)", involvesCarer: true, builtIn: true, position: 1).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProgrammeType.schema).delete()
    }
}
