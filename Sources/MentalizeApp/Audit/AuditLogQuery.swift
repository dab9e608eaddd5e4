import Fluent
import Foundation
import MentalizeCore

/// One page of the audit log under the viewer's filters, paged by sequence number: `before` asks
/// for the page of older events below that sequence, `after` for the newer page above it, and
/// neither for the newest page. Every count and page is asked of the database, never filtered
/// after fetching.
struct AuditLogQuery {
    /// The checked filters.
    struct Criteria {
        /// Accounts whose events are wanted; nil for everyone (an empty list matches nothing).
        var actorIDs: [UUID]?
        var patientID: UUID?
        var fromMicroseconds: Int64?
        var toMicroseconds: Int64?
        var action: String?
        var breakGlassOnly = false
    }

    /// The events shown, newest first, and where they sit among all that match.
    struct Page {
        let rows: [AuditEventRecord]
        let total: Int
        /// How many matching events are newer than the first row.
        let newerCount: Int
        var hasNewer: Bool { newerCount > 0 }
        var hasOlder: Bool { newerCount + rows.count < total }
    }

    static let pageSize = 100

    let database: any Database
    let criteria: Criteria

    func page(before: Int64?, after: Int64?, size: Int = Self.pageSize) async throws -> Page {
        var rows: [AuditEventRecord]
        if let after, before == nil {
            rows = Array(try await filtered().filter(\.$sequence > after).sort(\.$sequence, .ascending).limit(size).all().reversed())
            if rows.count < size {  // fewer than a page is newer: show the newest page instead
                rows = try await filtered().sort(\.$sequence, .descending).limit(size).all()
            }
        } else {
            var query = filtered().sort(\.$sequence, .descending).limit(size)
            if let before { query = query.filter(\.$sequence < before) }
            rows = try await query.all()
        }
        let total = try await filtered().count()
        var newer = 0
        if let first = rows.first { newer = try await filtered().filter(\.$sequence > first.sequence).count() }
        return Page(rows: rows, total: total, newerCount: newer)
    }

    private func filtered() -> QueryBuilder<AuditEventRecord> {
        var query = AuditEventRecord.query(on: database)
        if let ids = criteria.actorIDs {
            query = ids.isEmpty ? query.filter(\.$actorID == UUID()) : query.filter(\.$actorID ~~ ids.map(Optional.some))
        }
        if let id = criteria.patientID { query = query.filter(\.$patientID == id) }
        if let from = criteria.fromMicroseconds { query = query.filter(\.$occurredAtMicroseconds >= from) }
        if let to = criteria.toMicroseconds { query = query.filter(\.$occurredAtMicroseconds < to) }
        if let action = criteria.action { query = query.filter(\.$action == action) }
        if criteria.breakGlassOnly { query = query.filter(\.$breakGlass == true) }
        return query
    }

    /// The accounts a "user" filter names: the exact username, or any account whose username or
    /// display name contains the text, ignoring case ("ash" finds Robin Ash).
    static func matchingAccounts(_ text: String, on database: any Database) async throws -> [UUID] {
        let needle = text.lowercased()
        // Accounts are few (one clinic's staff and patients); the events are filtered in SQL.
        return try await UserAccount.query(on: database).all()
            .filter { $0.username.lowercased().contains(needle) || $0.displayName.lowercased().contains(needle) }
            .compactMap(\.id)
    }
}
