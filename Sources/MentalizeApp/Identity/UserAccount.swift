import Fluent
import Foundation

/// A person who signs in: staff or patient. Roles are stored as a comma-separated list of role names.
final class UserAccount: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "roles") var roles: String
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    /// The optional email notifications this person asked for (``NotificationKind`` raw values, comma-separated).
    @OptionalField(key: "notification_opt_ins") var notificationOptIns: String?
    /// The language this person chose for pages and emails (nil: the clinic's default, else the browser's).
    @OptionalField(key: "language") var language: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, clinicID: UUID, username: String, displayName: String, roles: [String]) {
        self.id = id
        self.$clinic.id = clinicID
        self.username = username
        self.displayName = displayName
        self.roles = roles.joined(separator: ",")
    }

    var roleNames: [String] { roles.split(separator: ",").map(String.init) }

    /// Any role but patient: staff must give a second factor.
    var isStaff: Bool { roleNames.contains { $0 != "patient" } }
}
