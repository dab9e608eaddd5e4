import Fluent
import Foundation
import Vapor

/// The admin's view of the outbox: what was queued, sent or failed, to whom and of which kind.
/// Never the content: a notification may hold a single-use link.
struct AdminOutboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.adminOutbox, use: page)
    }

    func page(_ request: Request) async throws -> View {
        let queries = OutboxQueries(database: request.db)
        let counts = try await queries.counts()
        let rows = try await queries.recent().map { message in
            AdminOutboxContext.Row(kindKey: "outbox.kind.\(message.kind)", channel: message.channel, recipient: message.recipient,
                                   statusKey: "outbox.status.\(message.status)", attempts: message.attempts, created: DisplayTime.minute(message.createdAt),
                                   sent: message.sentAt.map(DisplayTime.minute), nextAttempt: message.status == "queued" ? DisplayTime.minute(message.nextAttemptAt) : nil,
                                   lastError: message.status == "sent" ? nil : message.lastError)
        }
        let settings = request.application.notificationSettings
        return try await request.view.render("admin-outbox", AdminOutboxContext(
            page: PageChrome(titleKey: "outbox.title", request: request), queued: counts["queued", default: 0] + counts["sending", default: 0],
            sent: counts["sent", default: 0], failed: counts["failed", default: 0], rows: rows,
            smtpConfigured: settings.smtpURL != nil, webhookConfigured: settings.webhookURL != nil))
    }
}

/// What the outbox page shows.
struct AdminOutboxContext: Encodable {
    struct Row: Encodable {
        let kindKey: String
        let channel: String
        let recipient: String
        let statusKey: String
        let attempts: Int
        let created: String
        let sent: String?
        let nextAttempt: String?
        let lastError: String?
    }

    let page: PageChrome
    let queued: Int
    let sent: Int
    let failed: Int
    let rows: [Row]
    let smtpConfigured: Bool
    let webhookConfigured: Bool
}
