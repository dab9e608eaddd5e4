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
    /// ``OfficeHours`` in its stored text; nil until the clinic sets them (Monday to Friday, 9 to 5).
    @OptionalField(key: "office_hours") var officeHours: String?
    /// The language pages are in for people who chose none (nil: each browser's language).
    @OptionalField(key: "default_language") var defaultLanguage: String?
    /// What patients are told to do out of hours, after "your team will see this on ...".
    @OptionalField(key: "out_of_hours_text") var outOfHoursText: String?
    /// The address people reach this installation at (`https://mbt.clinic.example`), for links in emails.
    @OptionalField(key: "public_url") var publicURL: String?
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
