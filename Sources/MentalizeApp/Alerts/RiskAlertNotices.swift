import Fluent
import Foundation

/// The notifications an alert sends outside the app, at once, day or night: one email (and the
/// clinic's webhook) per named recipient. They say only that an alert needs attention and where:
/// never the patient's name, what they wrote, or a score.
struct RiskAlertNotices {
    let database: any Database
    let outbox: Outbox

    /// Queues a notice of `kind` to each of `userIDs` that can sign in.
    func tell(_ userIDs: Set<UUID>, about alertID: UUID, kind: NotificationKind, at now: Date) async throws {
        guard !userIDs.isEmpty else { return }
        let hours = try await ClinicHours.load(on: database)
        let when = hours?.dateTimeText(now) ?? DisplayTime.minute(now)
        let content = Self.content(kind: kind, alertID: alertID, when: when)
        for account in try await StaffNames(database: database).accounts(userIDs) where account.disabledAt == nil {
            try await outbox.enqueue(kind, to: account.username, content: content)
        }
    }

    static func content(kind: NotificationKind, alertID: UUID, when: String) -> NotificationContent {
        let body = kind == .alertEscalation
            ? "A risk alert raised at \(when) has been passed to you because nobody on the care team acknowledged it in time. Please open it in Mentalize now."
            : "A risk alert was raised at \(when) and you are one of the people it is addressed to. Please open it in Mentalize."
        return NotificationContent(subject: "A risk alert needs attention in Mentalize", body: body, linkPath: SiteRoute.alert.path(alert: alertID))
    }
}
