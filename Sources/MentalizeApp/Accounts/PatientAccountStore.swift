import Fluent
import Foundation
import SQLKit

/// The link from a patient record to the patient's own portal account: made once, by a
/// conditional update, so one record never gets two accounts and one account never two records.
struct PatientAccountStore {
    let database: any Database

    /// The refusal when the record already has an account (English at the terminal).
    static var alreadyLinked: String { PageText.text("account.error.alreadyLinked") }

    /// Refuses a patient account without its record (or with a record that cannot take it), and a
    /// record named for an account that is not a patient's.
    func check(roles: [String], patientID: UUID?, clinicID: UUID) async throws {
        let isPatient = roles.contains("patient")
        guard isPatient else {
            if patientID != nil { throw AccountService.Problem(description: PageText.text("account.error.recordForStaff")) }
            return
        }
        guard roles.allSatisfy({ $0 == "patient" }) else {
            throw AccountService.Problem(description: PageText.text("account.error.patientRoleOnly"))
        }
        guard let patientID else {
            throw AccountService.Problem(description: PageText.text("account.error.recordNeeded"))
        }
        guard let patient = try await Patient.find(patientID, on: database), patient.$clinic.id == clinicID else {
            throw AccountService.Problem(description: PageText.text("account.error.noRecord", ["id": patientID.uuidString.lowercased()]))
        }
        guard patient.$user.id == nil else { throw AccountService.Problem(description: Self.alreadyLinked) }
    }

    /// Links the record to the account if the record has none and the account belongs to no other
    /// record; false otherwise.
    func link(patientID: UUID, to userID: UUID) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        if try await Patient.query(on: database).filter(\.$user.$id == userID).count() > 0 { return false }
        let rows = try await sql.update(Patient.schema).set("user_id", to: userID)
            .where("id", .equal, patientID).where("user_id", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }
}
