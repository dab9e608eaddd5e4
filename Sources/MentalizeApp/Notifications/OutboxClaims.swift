import Fluent
import Foundation
import SQLKit

/// Picks the messages due for sending and claims each with a conditional update, so across
/// several nodes each message is in one node's hands at a time. A claim lapses after
/// ``claimLifetime``: a node killed between claiming and recording leaves it to the next pass.
struct OutboxClaims {
    let database: any SQLDatabase
    let node: String

    static let claimLifetime: TimeInterval = 120

    /// Up to `limit` messages this node now holds, oldest first.
    func claimDue(now: Date, limit: Int) async throws -> [UUID] {
        let due = try await database.select().column("id").from(OutboxMessage.schema)
            .where { Self.isDue($0, now: now) }
            .orderBy("created_at").limit(limit)
            .all(decodingColumn: "id", as: UUID.self)
        var claimed: [UUID] = []
        for id in due {
            let rows = try await database.update(OutboxMessage.schema)
                .set("status", to: OutboxMessage.Status.sending.rawValue)
                .set("claimed_by", to: node).set("claimed_until", to: now.addingTimeInterval(Self.claimLifetime))
                .set(SQLIdentifier("attempts"), to: SQLBinaryExpression(SQLIdentifier("attempts"), .add, SQLLiteral.numeric("1")))
                .where("id", .equal, id)
                .where { Self.isDue($0, now: now) }
                .returning("id").all()
            if !rows.isEmpty { claimed.append(id) }
        }
        return claimed
    }

    /// Queued and due, or claimed by a node whose claim has lapsed.
    private static func isDue<Builder: SQLPredicateBuilder>(_ builder: Builder, now: Date) -> Builder {
        builder
            .where { $0.where("status", .equal, OutboxMessage.Status.queued.rawValue).where("next_attempt_at", .lessThanOrEqual, now) }
            .orWhere { $0.where("status", .equal, OutboxMessage.Status.sending.rawValue).where("claimed_until", .lessThan, now) }
    }
}
