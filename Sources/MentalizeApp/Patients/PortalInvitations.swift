import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Inviting a patient to the portal: a single-use activation link (``OneTimeTokens``) emailed to the
/// address in their details, with the email written to the outbox in the same transaction. A new
/// invitation revokes the previous one; a patient with an account is not invited again.
struct PortalInvitations {
    let database: any Database
    let now: Date

    /// Where a patient's portal access stands, as the chart shows it.
    enum State: Equatable {
        case notInvited
        case invited(expiresAt: Date, email: String)
        case expired(at: Date)
        case active(username: String)
        case disabled(username: String)
    }

    /// Why an invitation cannot be sent, as a text key.
    struct Refusal: Error {
        let key: String
    }

    func state(of patient: Patient) async throws -> State {
        if let userID = patient.$user.id, let account = try await UserAccount.find(userID, on: database) {
            return account.disabledAt == nil ? .active(username: account.username) : .disabled(username: account.username)
        }
        guard let latest = try await OneTimeTokens(database: database).latest(.invitation, patientID: try patient.requireID()), latest.revokedAt == nil else {
            return .notInvited
        }
        if latest.isLive(at: now) { return .invited(expiresAt: latest.expiresAt, email: latest.email ?? "") }
        return .expired(at: latest.expiresAt)
    }

    /// Sends (or sends again) the invitation; the address it went to.
    @discardableResult
    func send(to patient: Patient, by staffID: UUID, lifetime: TimeInterval, outbox: @escaping @Sendable (any Database) throws -> Outbox) async throws -> String {
        let patientID = try patient.requireID()
        guard patient.$user.id == nil else { throw Refusal(key: "invitation.error.hasAccount") }
        let email = try await PatientDetailsStore(database: database).details(patientID: patientID)?.email.trimmingCharacters(in: .whitespaces) ?? ""
        guard ContactChecks.isEmail(email) else { throw Refusal(key: "invitation.error.noEmail") }
        if try await AccountQueries(database: database).account(named: email.lowercased()) != nil { throw Refusal(key: "invitation.error.emailTaken") }
        let now = self.now
        try await database.transaction { db in
            let tokens = OneTimeTokens(database: db)
            try await tokens.revokeLive(.invitation, patientID: patientID, now: now)
            let token = try await tokens.issue(.invitation, lifetime: lifetime, now: now) { token in
                token.patientID = patientID
                token.email = email.lowercased()
                token.createdBy = staffID
            }
            let hours = try await ClinicHours.load(on: db)
            let expiry = now.addingTimeInterval(lifetime)
            let language = try await AccountLanguage(database: db).language(of: patient)
            try await outbox(db).enqueue(.invitation, to: email, content: Self.email(token: token, expiresText: hours?.dateTimeText(expiry, in: language) ?? DisplayTime.minute(expiry), language: language))
        }
        return email
    }

    func revoke(_ patient: Patient) async throws {
        try await OneTimeTokens(database: database).revokeLive(.invitation, patientID: try patient.requireID(), now: now)
    }

    /// The invitation email in `language` (the clinic's default, as the patient has no account
    /// yet): where to go and until when, nothing about the person or their care.
    static func email(token: String, expiresText: String, language: String) -> NotificationContent {
        NotificationContent(
            subject: PageText.text("email.invitation.subject", in: language),
            body: PageText.text("email.invitation.body", in: language).replacingOccurrences(of: "{expiry}", with: expiresText),
            linkPath: SiteRoute.activate.path(token: token)
        )
    }
}
