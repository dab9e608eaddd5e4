import Fluent
import Foundation

/// One notification waiting to leave the system, or the record that it left: the kind and the
/// recipient stay; the content (sealed with the installation key) is cleared once sent.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox"

    /// Where a notification goes.
    enum Medium: String, Sendable {
        case email, webhook
    }

    /// Where a notification is in its delivery.
    enum Status: String, Sendable, CaseIterable {
        case queued, sending, sent, failed
    }

    @ID(key: .id) var id: UUID?
    /// A ``NotificationKind`` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "channel") var channel: String
    /// An email address, or the webhook's notification recipient (an account's email address).
    @Field(key: "recipient") var recipient: String
    /// The ``NotificationContent`` as sealed JSON; nil once sent.
    @OptionalField(key: "content_sealed") var contentSealed: String?
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    /// The node sending it, and until when that claim holds (a node killed mid-send loses it then).
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    /// Why the last attempt failed, without content (the server's reply or the connection error).
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(kind: NotificationKind, channel: Medium, recipient: String, contentSealed: String, now: Date) {
        self.kind = kind.rawValue
        self.channel = channel.rawValue
        self.recipient = recipient
        self.contentSealed = contentSealed
        self.status = Status.queued.rawValue
        self.attempts = 0
        self.nextAttemptAt = now
        self.createdAt = now
    }
}
