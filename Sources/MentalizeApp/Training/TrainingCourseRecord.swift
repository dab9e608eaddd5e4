import Fluent
import Foundation

/// A course in a clinician's training ledger: what, by whom, how many days, when it was completed,
/// the certificate's reference, and (when it is one a scheme names) the scheme's key for it.
final class TrainingCourseRecord: Model, @unchecked Sendable {
    static let schema = "training_courses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "name") var name: String
    @Field(key: "provider") var provider: String
    @Field(key: "days") var days: Int
    /// yyyy-mm-dd.
    @Field(key: "completed_on") var completedOn: String
    @Field(key: "certificate_reference") var certificateReference: String
    /// The course key accreditation schemes count it under ("mbt-basic"), or nil.
    @OptionalField(key: "course_key") var courseKey: String?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}
