import Fluent
import Foundation

/// A kind of MBT programme. Adult MBT and adolescent MBT-A are built in (seeded by the
/// migration); a clinic can add others (for example MBT-F for families) as rows.
final class ProgrammeType: Model, @unchecked Sendable {
    static let schema = "programme_types"
    static let adultID = UUID(uuidString: "00000000-0000-4000-8000-0000000a0001") ?? UUID()
    static let adolescentID = UUID(uuidString: "00000000-0000-4000-8000-0000000a0002") ?? UUID()

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    /// Adolescent programmes record which carer is involved and in which sessions.
    @Field(key: "involves_carer") var involvesCarer: Bool
    @Field(key: "built_in") var builtIn: Bool
    @Field(key: "position") var position: Int

    init() {}

    init(id: UUID? = nil, key: String, name: String, involvesCarer: Bool, builtIn: Bool, position: Int) {
        self.id = id
        self.key = key
        self.name = name
        self.involvesCarer = involvesCarer
        self.builtIn = builtIn
        self.position = position
    }
}

/// A patient's registration details beyond name and birth date: contact, language, emergency
/// contact, GP, programme type and (for adolescents) the carer. One row per patient.
final class PatientDetails: Model, @unchecked Sendable {
    static let schema = "patient_details"
    /// The sessions a carer can be involved in (keys of interface texts).
    static let carerSessionKinds = ["assessment", "formulation", "crisis-planning", "family-sessions", "reviews"]

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @OptionalParent(key: "programme_type_id") var programmeType: ProgrammeType?
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "preferred_language") var preferredLanguage: String
    @Field(key: "emergency_name") var emergencyName: String
    @Field(key: "emergency_relationship") var emergencyRelationship: String
    @Field(key: "emergency_phone") var emergencyPhone: String
    @Field(key: "gp_name") var gpName: String
    @Field(key: "gp_practice") var gpPractice: String
    @Field(key: "gp_phone") var gpPhone: String
    @Field(key: "carer_name") var carerName: String
    @Field(key: "carer_relationship") var carerRelationship: String
    /// Comma-separated ``carerSessionKinds``.
    @Field(key: "carer_sessions") var carerSessions: String
    @Field(key: "updated_at") var updatedAt: Date
    @Parent(key: "updated_by") var updatedBy: UserAccount

    init() {}
}

/// A national or local identifier of a patient (one per type), stored normalised.
final class PatientIdentifierRecord: Model, @unchecked Sendable {
    static let schema = "patient_identifiers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    /// An ``IdentifierType`` raw value.
    @Field(key: "type") var type: String
    @Field(key: "value") var value: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(id: UUID? = nil, patientID: UUID, type: String, value: String, recordedAt: Date) {
        self.id = id
        self.$patient.id = patientID
        self.type = type
        self.value = value
        self.recordedAt = recordedAt
    }
}
