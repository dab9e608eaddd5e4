import Fluent
import Foundation

/// A slow-open MBT therapy group.
final class TherapyGroup: Model, @unchecked Sendable {
    static let schema = "therapy_groups"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "name") var name: String
    @Field(key: "capacity") var capacity: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, clinicID: UUID, name: String, capacity: Int) {
        self.id = id
        self.$clinic.id = clinicID
        self.name = name
        self.capacity = capacity
    }
}
