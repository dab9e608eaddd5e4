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

/// The clinic's helplines, in the order the clinic lists them, as every patient page shows them.
struct Helplines {
    let database: any Database

    func lines(clinicID: UUID) async throws -> [HelplineLine] {
        try await Helpline.query(on: database).filter(\.$clinic.$id == clinicID).sort(\.$position).all().map(HelplineLine.init)
    }

    /// The helplines shown to someone not signed in: the clinic's, when the installation has one
    /// clinic (with several, whose they are is unknown before sign-in, so none).
    func signedOut() async throws -> [HelplineLine] {
        let clinics = try await Clinic.query(on: database).limit(2).all()
        guard clinics.count == 1, let clinicID = clinics[0].id else { return [] }
        return try await lines(clinicID: clinicID)
    }
}
