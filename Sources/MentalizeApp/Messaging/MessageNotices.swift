import Fluent
import Foundation
import Vapor

/// The emails a new message sends to those who asked for them: the caseload therapists when a
/// patient writes, the patient when their team writes. They say only that a message is waiting
/// and where; never who wrote it or what it says.
struct MessageNotices {
    let database: any Database
    let outbox: Outbox
    let now: Date

    /// A patient wrote in `threadID`: tell their caseload therapists who opted in.
    func patientWrote(patientID: UUID, threadID: UUID) async throws {
        let therapists = Set(try await AlertStore(database: database).caseloadTherapists(of: patientID, at: now))
        for account in try await StaffNames(database: database).accounts(therapists) where account.disabledAt == nil && account.optedInKinds.contains(.patientMessage) {
            let language = try await AccountLanguage(database: database).language(of: account)
            try await outbox.enqueue(.patientMessage, to: account.username, content: NotificationContent(
                subject: PageText.text("email.patientMessage.subject", in: language),
                body: PageText.text("email.patientMessage.body", in: language),
                linkPath: SiteRoute.messageThread.path(thread: threadID)))
        }
    }

    /// The care team wrote in `threadID`: tell the patient, if they opted in.
    func teamWrote(patientID: UUID, threadID: UUID) async throws {
        guard let userID = try await Patient.find(patientID, on: database)?.$user.id,
              let account = try await UserAccount.find(userID, on: database), account.disabledAt == nil, account.optedInKinds.contains(.unreadMessage) else { return }
        let language = try await AccountLanguage(database: database).language(of: account)
        try await outbox.enqueue(.unreadMessage, to: account.username, content: NotificationContent(
            subject: PageText.text("email.teamMessage.subject", in: language),
            body: PageText.text("email.teamMessage.body", in: language),
            linkPath: SiteRoute.myMessageThread.path(thread: threadID)))
    }

    /// The `notify` step of a patient's message, for ``MessageStore``.
    static func patientWrote(_ request: Request, patientID: UUID) -> @Sendable (any Database, UUID) async throws -> Void {
        { db, threadID in try await MessageNotices(database: db, outbox: try request.outbox(on: db), now: request.now).patientWrote(patientID: patientID, threadID: threadID) }
    }

    /// The `notify` step of a care team member's message, for ``MessageStore``.
    static func teamWrote(_ request: Request, patientID: UUID) -> @Sendable (any Database, UUID) async throws -> Void {
        { db, threadID in try await MessageNotices(database: db, outbox: try request.outbox(on: db), now: request.now).teamWrote(patientID: patientID, threadID: threadID) }
    }
}
