import Fluent

/// 001-06: the relationships that give staff access to patients: caseload, supervision,
/// group membership and group co-therapy, each over a period.
struct CreateRelationships: AsyncMigration {
    var name: String { "001-06-create-relationships" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CaseloadAssignmentRecord.schema)
            .id()
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .create()
        try await database.schema(SupervisionLinkRecord.schema)
            .id()
            .field("supervisor_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .create()
        try await database.schema(GroupMembershipRecord.schema)
            .id()
            .field("group_id", .uuid, .required, .references(TherapyGroup.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("joined_at", .datetime, .required)
            .field("left_at", .datetime)
            .create()
        try await database.schema(GroupTherapistRecord.schema)
            .id()
            .field("group_id", .uuid, .required, .references(TherapyGroup.schema, "id"))
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [GroupTherapistRecord.schema, GroupMembershipRecord.schema, SupervisionLinkRecord.schema, CaseloadAssignmentRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
