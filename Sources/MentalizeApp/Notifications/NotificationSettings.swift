import Foundation
import Vapor

/// How notifications leave this installation, set at start-up from `serve`'s flags and environment.
struct NotificationSettings: Sendable {
    /// The SMTP server (`smtp://` with STARTTLS or `smtps://`), or nil: emails wait in the outbox.
    var smtpURL: String?
    /// The address emails come from.
    var fromAddress: String = "mentalize@localhost"
    /// Where staff notifications are also POSTed as JSON, signed with HMAC-SHA256.
    var webhookURL: String?
    /// The address put in front of links when the clinic has not set its public address.
    var fallbackBaseURL: String = "http://127.0.0.1:8080"
}

struct NotificationSettingsKey: StorageKey {
    typealias Value = NotificationSettings
}

extension Application {
    /// The installation's notification settings (none configured until start-up sets them).
    var notificationSettings: NotificationSettings {
        get { storage[NotificationSettingsKey.self] ?? NotificationSettings() }
        set { storage[NotificationSettingsKey.self] = newValue }
    }
}
