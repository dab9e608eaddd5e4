import Fluent
import Foundation

/// A helpline a clinic shows on every patient page and in every crisis plan.
final class Helpline: Model, @unchecked Sendable {
    static let schema = "helplines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "name") var name: String
    @Field(key: "phone") var phone: String
    @Field(key: "hours") var hours: String
    @Field(key: "position") var position: Int
    /// The language the line answers in (nil: any): pages in that language list it first.
    @OptionalField(key: "language") var language: String?

    init() {}

    init(id: UUID? = nil, clinicID: UUID, name: String, phone: String, hours: String, position: Int, language: String? = nil) {
        self.id = id
        self.$clinic.id = clinicID
        self.name = name
        self.phone = phone
        self.hours = hours
        self.position = position
        self.language = language
    }
}

/// The clinic's helplines as every patient page shows them: the lines that answer in the page's
/// language first, then the rest, each in the order the clinic lists them.
struct Helplines {
    let database: any Database

    func lines(clinicID: UUID, language: String) async throws -> [HelplineLine] {
        let lines = try await Helpline.query(on: database).filter(\.$clinic.$id == clinicID).sort(\.$position).all()
        let answersInLanguage = { (line: Helpline) in line.language == nil || line.language == language }
        return (lines.filter(answersInLanguage) + lines.filter { !answersInLanguage($0) }).map(HelplineLine.init)
    }

    /// The helplines shown to someone not signed in: the clinic's, when the installation has one
    /// clinic (with several, whose they are is unknown before sign-in, so none).
    func signedOut(language: String) async throws -> [HelplineLine] {
        let clinics = try await Clinic.query(on: database).limit(2).all()
        guard clinics.count == 1, let clinicID = clinics[0].id else { return [] }
        return try await lines(clinicID: clinicID, language: language)
    }
}
