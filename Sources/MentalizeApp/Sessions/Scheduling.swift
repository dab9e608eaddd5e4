import Fluent
import Foundation

/// A treatment room of a clinic; in-person sessions occupy one.
final class RoomRecord: Model, @unchecked Sendable {
    static let schema = "rooms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "name") var name: String

    init() {}

    init(id: UUID? = nil, clinicID: UUID, name: String) {
        self.id = id
        self.$clinic.id = clinicID
        self.name = name
    }
}

/// A weekly series: a patient's individual sessions, a group's weekly slot, or an MBT-I course
/// (a group with a fixed curriculum). Dates and times are wall-clock values in the clinic's zone,
/// so daylight-saving changes never shift the series; sessions are computed by the core's
/// `SessionSeries` / `MBTICourse`, not stored one by one.
final class SessionSeriesRecord: Model, @unchecked Sendable {
    static let schema = "session_series"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    /// A ``SeriesKind`` raw value.
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "patient_id") var patient: Patient?
    @OptionalParent(key: "group_id") var group: TherapyGroup?
    /// The therapist of an individual series (groups take theirs from `group_therapists`).
    @OptionalParent(key: "therapist_id") var therapist: UserAccount?
    @Field(key: "first_date") var firstDate: String
    @Field(key: "start_time") var startTime: String
    @Field(key: "duration_minutes") var durationMinutes: Int
    @OptionalField(key: "last_date") var lastDate: String?
    /// A ``ModalityKind`` raw value.
    @Field(key: "modality") var modality: String
    @OptionalParent(key: "room_id") var room: RoomRecord?
    @OptionalField(key: "video_url") var videoURL: String?
    /// MBT-I course title.
    @OptionalField(key: "title") var title: String?
    /// MBT-I curriculum: session titles, one per line.
    @OptionalField(key: "curriculum") var curriculum: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One changed session of a series, keyed by its original date: cancelled, moved, or (for a
/// course) a skipped week.
final class SeriesChangeRecord: Model, @unchecked Sendable {
    static let schema = "series_changes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "series_id") var series: SessionSeriesRecord
    @Field(key: "original_date") var originalDate: String
    /// `cancelled`, `moved` or `skipped`.
    @Field(key: "change") var change: String
    /// A ``CancellationReason`` raw value for cancellations.
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "moved_start") var movedStart: Date?
    @OptionalField(key: "moved_end") var movedEnd: Date?

    init() {}
}

/// A single session outside any series (assessment, extra session, review).
final class OneOffSessionRecord: Model, @unchecked Sendable {
    static let schema = "one_off_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Parent(key: "patient_id") var patient: Patient
    @Parent(key: "therapist_id") var therapist: UserAccount
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "modality") var modality: String
    @OptionalParent(key: "room_id") var room: RoomRecord?
    @OptionalField(key: "video_url") var videoURL: String?
    /// A ``CancellationReason`` raw value once cancelled.
    @OptionalField(key: "cancellation") var cancellation: String?

    init() {}
}

/// A patient waiting for a place in a group, in order of being added.
final class WaitingListRecord: Model, @unchecked Sendable {
    static let schema = "group_waiting_list"

    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: TherapyGroup
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "since") var since: String
    @Field(key: "added_at") var addedAt: Date

    init() {}

    init(id: UUID? = nil, groupID: UUID, patientID: UUID, since: String, addedAt: Date) {
        self.id = id
        self.$group.id = groupID
        self.$patient.id = patientID
        self.since = since
        self.addedAt = addedAt
    }
}
