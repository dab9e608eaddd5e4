import Fluent

/// 006-02: registration details (one row per patient) and identifiers (one per type).
struct CreatePatientDetails: AsyncMigration {
    var name: String { "006-02-create-patient-details" }

    func prepare(on database: any Database) async throws {
        var details = database.schema(PatientDetails.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("programme_type_id", .uuid, .references(ProgrammeType.schema, "id"))
        for text in ["phone", "email", "address", "preferred_language", "emergency_name", "emergency_relationship", "emergency_phone",
                     "gp_name", "gp_practice", "gp_phone", "carer_name", "carer_relationship", "carer_sessions"] {
            details = details.field(.string(text), .string, .required)
        }
        try await details
            .field("updated_at", .datetime, .required)
            .field("updated_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .unique(on: "patient_id")
            .create()
        try await database.schema(PatientIdentifierRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("type", .string, .required)
            .field("value", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "patient_id", "type")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PatientIdentifierRecord.schema).delete()
        try await database.schema(PatientDetails.schema).delete()
    }
}
