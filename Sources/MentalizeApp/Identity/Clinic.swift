import Fluent
import Foundation

/// A clinic running one or more MBT programmes; sets the time zone and language for its people.
final class Clinic: Model, @unchecked Sendable {
    static let schema = "clinics"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "country") var country: String
    @Field(key: "locale") var locale: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, timeZone: String, country: String, locale: String) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.country = country
        self.locale = locale
    }
}
