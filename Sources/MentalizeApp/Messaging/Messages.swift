import Fluent
import Foundation

/// A conversation between a patient and their care team.
final class MessageThread: Model, @unchecked Sendable {
    static let schema = "message_threads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "subject") var subject: String
    @Parent(key: "started_by") var startedBy: UserAccount
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "last_message_at") var lastMessageAt: Date
    @Children(for: \.$thread) var messages: [SecureMessage]

    init() {}
}

/// One message in a thread. Submitting the same form twice stores it once (idempotency key).
final class SecureMessage: Model, @unchecked Sendable {
    static let schema = "secure_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "thread_id") var thread: MessageThread
    @Parent(key: "author_id") var author: UserAccount
    @Field(key: "from_patient") var fromPatient: Bool
    @Field(key: "body") var body: String
    @Field(key: "sent_at") var sentAt: Date
    @Field(key: "idempotency_key") var idempotencyKey: String

    init() {}
}

/// How far one reader has read a thread.
final class MessageReadMark: Model, @unchecked Sendable {
    static let schema = "message_read_marks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "thread_id") var thread: MessageThread
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "read_at") var readAt: Date

    init() {}
}
