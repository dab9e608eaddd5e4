import Fluent
import Foundation

/// The notifications an alert sends outside the app, at once, day or night: one email (and the
/// clinic's webhook) per named recipient. They say only that an alert needs attention and where:
/// never the patient's name, what they wrote, or a score.
struct RiskAlertNotices {
    let database: any Database
    let outbox: Outbox

    /// Queues a notice of `kind` about the alert raised at `raisedAt` to each of `userIDs` that can sign in.
    func tell(_ userIDs: Set<UUID>, about alertID: UUID, kind: NotificationKind, raisedAt: Date) async throws {
        guard !userIDs.isEmpty else { return }
        let hours = try await ClinicHours.load(on: database)
        for account in try await StaffNames(database: database).accounts(userIDs) where account.disabledAt == nil {
            let language = try await AccountLanguage(database: database).language(of: account)
            let when = hours?.dateTimeText(raisedAt, in: language) ?? DisplayTime.minute(raisedAt)
            try await outbox.enqueue(kind, to: account.username, content: Self.content(kind: kind, alertID: alertID, when: when, language: language))
        }
    }

    /// The notice in the recipient's language.
    static func content(kind: NotificationKind, alertID: UUID, when: String, language: String) -> NotificationContent {
        let body = PageText.text(kind == .alertEscalation ? "email.alertEscalated.body" : "email.alertRaised.body", in: language)
            .replacingOccurrences(of: "{when}", with: when)
        return NotificationContent(subject: PageText.text("email.alert.subject", in: language), body: body, linkPath: SiteRoute.alert.path(alert: alertID))
    }
}
