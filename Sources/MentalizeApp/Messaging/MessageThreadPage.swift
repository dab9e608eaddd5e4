import Fluent
import MentalizeCore
import Vapor

/// One conversation, for the patient and for staff: the "not for emergencies" banner with the
/// clinic's helplines, the messages oldest first, and the reply form. Reading was already
/// authorised and audited by the caller.
enum MessageThreadPage {
    static func render(_ request: Request, patient: Patient, thread: MessageThread, replyPath: String, backPath: String,
                       support: Bool, error: String?, draft: String?) async throws -> View {
        let messages = try await MessageStore(database: request.db, now: request.now).messages(in: thread)
        let helplines = try await Helplines(database: request.db).lines(clinicID: patient.$clinic.id, language: request.language)
        let context = MessageThreadContext(
            page: PageChrome(titleKey: "messages.threadTitle", request: request), csrfToken: request.csrfToken, subject: thread.subject,
            patient: patient.displayName,
            messages: messages.map { MessageLine(author: $0.author.displayName, fromPatient: $0.fromPatient, sent: DisplayTime.minute($0.sentAt), body: $0.body) },
            helplines: helplines,
            support: support, availability: support ? try await request.teamAvailability(clinicID: patient.$clinic.id) : nil, crisisPath: SiteRoute.myCrisisPlan.path, replyPath: replyPath, backPath: backPath,
            error: error, draft: draft ?? "", key: UUID().uuidString
        )
        return try await request.view.render("message-thread", context)
    }
}

/// What a conversation page shows.
struct MessageThreadContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let subject: String
    let patient: String
    let messages: [MessageLine]
    let helplines: [HelplineLine]
    let support: Bool
    /// When the care team will see the alert the message raised (shown with `support`).
    let availability: TeamAvailability?
    let crisisPath: String
    let replyPath: String
    let backPath: String
    let error: String?
    let draft: String
    let key: String
}
