/// Where notifications go, from `serve`'s flags or the environment.
public struct NotificationOptions: Sendable, Equatable {
    /// `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465` (`--smtp-url`, `MENTALIZE_SMTP_URL`).
    public var smtpURL: String?
    /// The From address of every email (`--smtp-from`, `MENTALIZE_SMTP_FROM`).
    public var fromAddress: String?
    /// Staff notifications are also POSTed here (`--notify-webhook`, `MENTALIZE_NOTIFY_WEBHOOK`).
    public var webhookURL: String?
    /// How often each node looks for notifications to send (`MENTALIZE_OUTBOX_POLL_SECONDS`, 5).
    public var pollSeconds: Double = 5

    public init() {}
}
