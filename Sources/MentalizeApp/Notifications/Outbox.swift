import Fluent
import Foundation
import Vapor

/// Writes notifications into the outbox, in the caller's transaction: a notification exists
/// exactly when the event that caused it was committed. ``OutboxDelivery`` sends them.
struct Outbox {
    let database: any Database
    let cipher: FieldCipher
    let webhookConfigured: Bool
    let now: Date

    /// Queues one email (and, for staff-facing kinds, one webhook call) to `address`.
    func enqueue(_ kind: NotificationKind, to address: String, content: NotificationContent) async throws {
        let sealed = try cipher.seal(try JSONEncoder().encode(content))
        try await OutboxMessage(kind: kind, channel: .email, recipient: address, contentSealed: sealed, now: now).create(on: database)
        if webhookConfigured, kind.goesToWebhook {
            try await OutboxMessage(kind: kind, channel: .webhook, recipient: address, contentSealed: sealed, now: now).create(on: database)
        }
    }

    /// The content of a message, opened with the installation key.
    static func content(of message: OutboxMessage, cipher: FieldCipher) throws -> NotificationContent? {
        guard let sealed = message.contentSealed else { return nil }
        return try JSONDecoder().decode(NotificationContent.self, from: cipher.open(sealed))
    }
}

extension Application {
    /// The outbox for writes made outside a request (background jobs), on `database`.
    func outbox(on database: any Database, now: Date) throws -> Outbox {
        Outbox(database: database, cipher: FieldCipher(secretKey: try secretKey, purpose: "outbox"), webhookConfigured: notificationSettings.webhookURL != nil, now: now)
    }
}

extension Request {
    /// The outbox, writing on `database` (pass the transaction's database).
    func outbox(on database: any Database) throws -> Outbox {
        try application.outbox(on: database, now: now)
    }
}
