import Fluent
import Foundation

/// A person in an MBT programme. `userID` links the patient's own portal account, when they have one.
final class Patient: Model, @unchecked Sendable {
    static let schema = "patients"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    /// ISO 8601 calendar date (yyyy-mm-dd): a birth date has no time zone.
    @Field(key: "date_of_birth") var dateOfBirth: String
    /// A ``ProgrammePhase`` raw value.
    @Field(key: "phase") var phase: String
    @OptionalParent(key: "user_id") var user: UserAccount?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, clinicID: UUID, givenName: String, familyName: String, dateOfBirth: String, phase: String, userID: UUID?) {
        self.id = id
        self.$clinic.id = clinicID
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.phase = phase
        self.$user.id = userID
    }
}

extension Patient {
    /// The name staff pages show: given name, then family name.
    var displayName: String { "\(givenName) \(familyName)" }
}
