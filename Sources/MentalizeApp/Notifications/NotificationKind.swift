/// What a notification is about. Staff-facing kinds also go to the clinic's webhook (an SMS or
/// pager gateway); kinds that carry a personal link (an invitation, a password reset) go by email
/// only, since the link is the key to an account.
enum NotificationKind: String, Sendable, CaseIterable {
    case invitation
    case passwordReset = "password-reset"
    case riskAlert = "risk-alert"
    case alertEscalation = "alert-escalation"
    case patientMessage = "patient-message"
    case unreadMessage = "unread-message"

    /// Whether the clinic's webhook receives it too.
    var goesToWebhook: Bool {
        switch self {
        case .riskAlert, .alertEscalation, .patientMessage: true
        case .invitation, .passwordReset, .unreadMessage: false
        }
    }

    /// Whether a person chooses to receive it (the others always go).
    var isOptIn: Bool { self == .patientMessage || self == .unreadMessage }
}
