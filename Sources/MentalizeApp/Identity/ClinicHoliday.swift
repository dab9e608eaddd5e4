import Fluent
import Foundation

/// A day the clinic is closed (bank holiday, closure); weekly sessions on it are cancelled.
final class ClinicHolidayRecord: Model, @unchecked Sendable {
    static let schema = "clinic_holidays"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    /// `YYYY-MM-DD` in the clinic's zone.
    @Field(key: "date") var date: String
    @Field(key: "name") var name: String

    init() {}

    init(id: UUID? = nil, clinicID: UUID, date: String, name: String) {
        self.id = id
        self.$clinic.id = clinicID
        self.date = date
        self.name = name
    }
}
