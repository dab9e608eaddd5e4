import Fluent
import Foundation

/// One patient's state for one psychoeducation module: unlocked (by whom, when), opened, completed.
final class ModuleProgress: Model, @unchecked Sendable {
    static let schema = "module_progress"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "module_id") var moduleID: String
    @OptionalParent(key: "unlocked_by") var unlockedBy: UserAccount?
    @OptionalField(key: "unlocked_at") var unlockedAt: Date?
    @OptionalField(key: "opened_at") var openedAt: Date?
    @OptionalField(key: "completed_at") var completedAt: Date?

    init() {}
}
