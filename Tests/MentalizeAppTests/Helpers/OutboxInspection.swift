import Fluent
import Foundation
@testable import MentalizeApp
import Vapor

/// What the outbox holds, opened with the installation key, for tests to read.
enum OutboxInspection {
    struct Item {
        let message: OutboxMessage
        let content: NotificationContent?
    }

    static func items(_ app: Application, kind: NotificationKind? = nil) async throws -> [Item] {
        let cipher = FieldCipher(secretKey: try app.secretKey, purpose: "outbox")
        var query = OutboxMessage.query(on: app.db).sort(\.$createdAt)
        if let kind { query = query.filter(\.$kind == kind.rawValue) }
        return try await query.all().map { Item(message: $0, content: try Outbox.content(of: $0, cipher: cipher)) }
    }

    /// The path of the single-use link in a message (`/activate/…`, `/reset-password/…`).
    static func linkPath(_ item: Item) -> String? { item.content?.linkPath }
}
