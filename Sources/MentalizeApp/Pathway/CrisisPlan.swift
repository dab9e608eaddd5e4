import Fluent
import Foundation

/// One version of a patient's crisis plan, written with them. Every save adds a version.
final class CrisisPlanVersion: Model, @unchecked Sendable {
    static let schema = "crisis_plan_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "version") var version: Int
    @Field(key: "warning_signs") var warningSigns: String
    @Field(key: "what_i_can_do") var whatICanDo: String
    @Field(key: "people_who_help") var peopleWhoHelp: String
    @Field(key: "what_professionals_do") var whatProfessionalsDo: String
    @Field(key: "contacts") var contacts: String
    @Parent(key: "written_by") var writtenBy: UserAccount
    @Field(key: "written_at") var writtenAt: Date

    init() {}
}
