import Fluent
import Foundation
import MentalizeCore

/// The only code that touches the messaging tables: secure messages between a patient and their
/// care team, threads, posting (idempotent) and unread counts. A patient's message is screened for
/// risk language first: when it fires, the caller shows the crisis plan and helplines and the care
/// team gets a risk alert. Access is checked by the caller.
struct MessageStore {
    let database: any Database
    let now: Date

    static let maxBody = 5_000
    static let maxSubject = 120

    struct ThreadSummary {
        let thread: MessageThread
        let unread: Int
    }

    /// Why a message cannot be sent, as a person would read it; nil when it can.
    static func problem(subject: String?, body: String) -> String? {
        if let subject {
            if subject.isEmpty { return PageText.text("messages.error.noSubject") }
            if subject.count > maxSubject { return PageText.text("messages.error.longSubject", ["limit": String(maxSubject)]) }
        }
        if body.isEmpty { return PageText.text("messages.error.noBody") }
        if body.count > maxBody { return PageText.text("messages.error.longBody", ["limit": String(maxBody), "count": String(body.count)]) }
        return nil
    }

    /// The patient's threads, newest activity first, with what `userID` has not read yet.
    func threads(patientID: UUID, reader userID: UUID) async throws -> [ThreadSummary] {
        let threads = try await MessageThread.query(on: database).filter(\.$patient.$id == patientID).sort(\.$lastMessageAt, .descending).all()
        return try await withUnread(threads, reader: userID)
    }

    /// Threads of these patients (a staff inbox), with unread counts for `userID`.
    func threads(patientIDs: [UUID], reader userID: UUID) async throws -> [ThreadSummary] {
        guard !patientIDs.isEmpty else { return [] }
        let threads = try await MessageThread.query(on: database).filter(\.$patient.$id ~~ patientIDs).with(\.$patient)
            .sort(\.$lastMessageAt, .descending).limit(200).all()
        return try await withUnread(threads, reader: userID)
    }

    /// Counts messages from the other side that arrived after the reader last opened the thread.
    /// Opening a thread is a GET, which never writes: the audit event of that read (which names the
    /// thread) is the read mark.
    private func withUnread(_ threads: [MessageThread], reader userID: UUID) async throws -> [ThreadSummary] {
        let ids = threads.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let reads = try await AuditReadTimes(database: database).latest(by: userID, recordType: RecordKind.message.rawValue, recordIDs: ids.map(\.uuidString))
        let readAt = Dictionary(reads.compactMap { id, at in UUID(uuidString: id).map { ($0, at) } }, uniquingKeysWith: max)
        let messages = try await SecureMessage.query(on: database).filter(\.$thread.$id ~~ ids).filter(\.$author.$id != userID).all()
        return threads.map { thread in
            let unread = messages.filter { $0.$thread.id == thread.id && $0.sentAt > (readAt[$0.$thread.id] ?? .distantPast) }.count
            return ThreadSummary(thread: thread, unread: unread)
        }
    }

    /// The patient's thread with this id; nil when it is not theirs.
    func thread(_ id: UUID, patientID: UUID) async throws -> MessageThread? {
        try await MessageThread.query(on: database).filter(\.$id == id).filter(\.$patient.$id == patientID).first()
    }

    /// Every thread of the patient with its messages and their authors, oldest thread first (the
    /// patient's own export).
    func threadsWithMessages(patientID: UUID) async throws -> [MessageThread] {
        try await MessageThread.query(on: database).filter(\.$patient.$id == patientID).with(\.$messages) { $0.with(\.$author) }.sort(\.$startedAt).all()
    }

    /// A thread's messages with their authors, oldest first.
    func messages(in thread: MessageThread) async throws -> [SecureMessage] {
        try await SecureMessage.query(on: database).filter(\.$thread.$id == thread.requireID()).with(\.$author).sort(\.$sentAt).all()
    }

    /// Starts a thread with its first message.
    /// `notify` runs in the same transaction, so the notification exists exactly when the message does.
    func start(patientID: UUID, subject: String, body: String, author: SignedInUser, fromPatient: Bool, key: String,
               notify: @escaping @Sendable (any Database, UUID) async throws -> Void) async throws -> MessageThread {
        if let existing = try await SecureMessage.query(on: database).filter(\.$idempotencyKey == key).filter(\.$author.$id == author.id).with(\.$thread).first() {
            return existing.thread
        }
        let thread = MessageThread()
        thread.$patient.id = patientID
        thread.subject = subject
        thread.$startedBy.id = author.id
        thread.startedAt = now
        thread.lastMessageAt = now
        try await database.transaction { transaction in
            try await thread.create(on: transaction)
            try await Self.message(in: thread, body: body, author: author.id, fromPatient: fromPatient, key: key, now: now).create(on: transaction)
            try await notify(transaction, try thread.requireID())
        }
        return thread
    }

    /// Adds a reply; a repeated submission of the same form stores nothing new.
    func reply(to thread: MessageThread, body: String, author: SignedInUser, fromPatient: Bool, key: String,
               notify: @escaping @Sendable (any Database, UUID) async throws -> Void) async throws {
        if try await SecureMessage.query(on: database).filter(\.$idempotencyKey == key).filter(\.$author.$id == author.id).first() != nil { return }
        thread.lastMessageAt = now
        try await database.transaction { transaction in
            try await Self.message(in: thread, body: body, author: author.id, fromPatient: fromPatient, key: key, now: now).create(on: transaction)
            try await thread.save(on: transaction)
            try await notify(transaction, try thread.requireID())
        }
    }

    private static func message(in thread: MessageThread, body: String, author: UUID, fromPatient: Bool, key: String, now: Date) throws -> SecureMessage {
        let message = SecureMessage()
        message.$thread.id = try thread.requireID()
        message.$author.id = author
        message.fromPatient = fromPatient
        message.body = body
        message.sentAt = now
        message.idempotencyKey = key
        return message
    }
}
