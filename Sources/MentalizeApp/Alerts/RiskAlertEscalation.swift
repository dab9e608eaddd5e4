import Fluent
import Foundation
import MentalizeCore
import SQLKit
import Vapor

/// Moves open alerts nobody acknowledged in time to the programme lead(s). Runs as a background
/// job, never inside a page; safe on every node at once: each alert is claimed by a conditional update.
struct RiskAlertEscalation {
    let database: any Database
    let now: Date
    /// The outbox on a transaction's database, for the escalation notices.
    let outbox: @Sendable (any Database) throws -> Outbox

    /// Escalates up to `limit` overdue alerts; the number escalated.
    @discardableResult
    func escalateOverdue(rule: AlertEscalationRule, limit: Int = 500) async throws -> Int {
        let cutoff = rule.cutoff(now: now)
        let store = AlertStore(database: database)
        let overdue = try await store.overdue(raisedBefore: cutoff, limit: limit)
        guard !overdue.isEmpty else { return 0 }
        var escalated = 0
        let now = self.now
        for alert in overdue {
            let alertID = try alert.requireID()
            let existing = Set(try await store.recipients(of: alertID).map(\.$user.id))
            let leads = Set(try await store.programmeLeads(for: alert.$patient.id)).subtracting(existing)
            let claimed = try await database.transaction { db -> Bool in
                guard let sql = db as? any SQLDatabase else { return false }
                let rows = try await sql.update(RiskAlert.schema).set("escalated_at", to: now)
                    .where("id", .equal, alertID).where("escalated_at", .is, SQLLiteral.null).where("state", .equal, RiskAlertState.open.rawValue)
                    .returning("id").all()
                guard !rows.isEmpty else { return false }
                for lead in leads {
                    try await RiskAlertRecipient(alertID: alertID, userID: lead, reason: "escalation", addedAt: now).create(on: db)
                }
                try await RiskAlertNotices(database: db, outbox: try outbox(db)).tell(leads, about: alertID, kind: .alertEscalation, raisedAt: alert.raisedAt)
                return true
            }
            if claimed { escalated += 1 }
        }
        return escalated
    }
}

/// The background job that escalates overdue alerts, once a minute across the cluster.
struct AlertEscalationJob: BackgroundJob {
    var name: String { "risk-alert-escalation" }
    var interval: TimeInterval { 60 }

    func run(_ application: Application, now: Date) async throws {
        let rule = try application.alertSettings.escalation
        try await RiskAlertEscalation(database: application.db, now: now) { db in try application.outbox(on: db, now: now) }.escalateOverdue(rule: rule)
    }
}
