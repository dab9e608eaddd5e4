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

/// A helpline a clinic shows on every patient page and in every crisis plan.
final class Helpline: Model, @unchecked Sendable {
    static let schema = "helplines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "name") var name: String
    @Field(key: "phone") var phone: String
    @Field(key: "hours") var hours: String
    @Field(key: "position") var position: Int

    init() {}

    init(id: UUID? = nil, clinicID: UUID, name: String, phone: String, hours: String, position: Int) {
        self.id = id
        self.$clinic.id = clinicID
        self.name = name
        self.phone = phone
        self.hours = hours
        self.position = position
    }
}
