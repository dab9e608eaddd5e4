import Foundation
import Vapor

/// How long single-use account links stay valid, set at start-up from the configuration.
struct AccountLinkSettings: Sendable {
    var invitationLifetime: TimeInterval = 72 * 3600
    var passwordResetLifetime: TimeInterval = 2 * 3600
}

struct AccountLinkSettingsKey: StorageKey {
    typealias Value = AccountLinkSettings
}

extension Application {
    var accountLinkSettings: AccountLinkSettings {
        get { storage[AccountLinkSettingsKey.self] ?? AccountLinkSettings() }
        set { storage[AccountLinkSettingsKey.self] = newValue }
    }
}
