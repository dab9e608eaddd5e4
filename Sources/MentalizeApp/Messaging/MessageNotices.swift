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
            try await outbox.enqueue(.patientMessage, to: account.username, content: NotificationContent(
                subject: "A new message in Mentalize",
                body: "A patient on your caseload has sent a message in Mentalize. Please read it there.",
                linkPath: SiteRoute.messageThread.path(thread: threadID)))
        }
    }

    /// The care team wrote in `threadID`: tell the patient, if they opted in.
    func teamWrote(patientID: UUID, threadID: UUID) async throws {
        guard let userID = try await Patient.find(patientID, on: database)?.$user.id,
              let account = try await UserAccount.find(userID, on: database), account.disabledAt == nil, account.optedInKinds.contains(.unreadMessage) else { return }
        try await outbox.enqueue(.unreadMessage, to: account.username, content: NotificationContent(
            subject: "You have a new message in Mentalize",
            body: "Your care team has sent you a message in Mentalize. Sign in to read it.",
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
