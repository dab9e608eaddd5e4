import Fluent
import Foundation
import MentalizeCore

/// The language to write to someone in when they are not on a page to ask (e-mails, what staff
/// see of a patient's portal): the one saved on their account, else their clinic's default, else
/// English.
struct AccountLanguage {
    let database: any Database

    func language(of account: UserAccount) async throws -> String {
        if let saved = account.language { return saved }
        return try await clinicDefault(account.$clinic.id)
    }

    func language(of patient: Patient) async throws -> String {
        if let userID = patient.$user.id, let account = try await UserAccount.find(userID, on: database) { return try await language(of: account) }
        return try await clinicDefault(patient.$clinic.id)
    }

    private func clinicDefault(_ clinicID: UUID) async throws -> String {
        try await Clinic.find(clinicID, on: database)?.defaultLanguage ?? LanguageNegotiation.fallback
    }
}
