import Fluent
import Foundation

/// The outbox as the admin sees it: kind, recipient and delivery state, never the content.
struct OutboxQueries {
    let database: any Database

    /// The newest `limit` messages.
    func recent(limit: Int = 200) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: database).sort(\.$createdAt, .descending).limit(limit)
            .field(\.$id).field(\.$kind).field(\.$channel).field(\.$recipient).field(\.$status).field(\.$attempts)
            .field(\.$nextAttemptAt).field(\.$lastError).field(\.$createdAt).field(\.$sentAt).all()
    }

    /// How many messages gave up after their last attempt (for the admin's navigation).
    func failedCount() async throws -> Int {
        try await OutboxMessage.query(on: database).filter(\.$status == OutboxMessage.Status.failed.rawValue).count()
    }

    /// How many messages are in each state.
    func counts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for status in OutboxMessage.Status.allCases {
            counts[status.rawValue] = try await OutboxMessage.query(on: database).filter(\.$status == status.rawValue).count()
        }
        return counts
    }
}
