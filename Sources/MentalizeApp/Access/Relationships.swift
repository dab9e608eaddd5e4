import Fluent
import Foundation
import MentalizeCore

/// A therapist's responsibility for a patient, from `startsAt` until `endsAt` (open when nil).
final class CaseloadAssignmentRecord: Model, @unchecked Sendable {
    static let schema = "caseload_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "therapist_id") var therapist: UserAccount
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?

    init() {}

    init(id: UUID? = nil, therapistID: UUID, patientID: UUID, startsAt: Date, endsAt: Date? = nil) {
        self.id = id
        self.$therapist.id = therapistID
        self.$patient.id = patientID
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// A supervisor's oversight of a therapist's work, over a period.
final class SupervisionLinkRecord: Model, @unchecked Sendable {
    static let schema = "supervision_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "supervisor_id") var supervisor: UserAccount
    @Parent(key: "therapist_id") var therapist: UserAccount
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?
    /// A ``SupervisionPurpose`` raw value (nil read as MBT supervision).
    @OptionalField(key: "purpose") var purpose: String?
    /// A ``SupervisionMode`` raw value (nil read as view).
    @OptionalField(key: "mode") var mode: String?

    init() {}

    init(id: UUID? = nil, supervisorID: UUID, therapistID: UUID, startsAt: Date, endsAt: Date? = nil, purpose: SupervisionPurpose = .mbt,
         mode: SupervisionMode = .view) {
        self.id = id
        self.$supervisor.id = supervisorID
        self.$therapist.id = therapistID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.purpose = purpose.rawValue
        self.mode = mode.rawValue
    }

    /// What the link is for.
    var supervisionPurpose: SupervisionPurpose { purpose.flatMap(SupervisionPurpose.init(rawValue:)) ?? .mbt }

    /// What the supervisor does with the supervisee's notes.
    var supervisionMode: SupervisionMode { mode.flatMap(SupervisionMode.init(rawValue:)) ?? .view }
}

/// A patient's membership of a slow-open group, from joining to leaving.
final class GroupMembershipRecord: Model, @unchecked Sendable {
    static let schema = "group_memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: TherapyGroup
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "joined_at") var joinedAt: Date
    @OptionalField(key: "left_at") var leftAt: Date?

    init() {}

    init(id: UUID? = nil, groupID: UUID, patientID: UUID, joinedAt: Date, leftAt: Date? = nil) {
        self.id = id
        self.$group.id = groupID
        self.$patient.id = patientID
        self.joinedAt = joinedAt
        self.leftAt = leftAt
    }
}

/// A therapist leading a group (one or two per group: co-therapy).
final class GroupTherapistRecord: Model, @unchecked Sendable {
    static let schema = "group_therapists"

    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: TherapyGroup
    @Parent(key: "therapist_id") var therapist: UserAccount
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?

    init() {}

    init(id: UUID? = nil, groupID: UUID, therapistID: UUID, startsAt: Date, endsAt: Date? = nil) {
        self.id = id
        self.$group.id = groupID
        self.$therapist.id = therapistID
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}
