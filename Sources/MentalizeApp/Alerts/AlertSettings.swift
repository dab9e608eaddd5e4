import Foundation
import MentalizeCore
import Vapor

/// When an unacknowledged alert goes to the programme lead, and how an alert names what raised it.
/// The texts come from the features that raise alerts (the instrument catalog names an instrument
/// and describes its risk rules), handed over at start-up so the alerts folder depends on none of them.
struct AlertSettings: Sendable {
    let escalation: AlertEscalationRule
    /// The title of an instrument, by id.
    let instrumentTitle: @Sendable (String) -> String?
    /// The words of one risk rule of an instrument: (instrument id, rule id).
    let ruleDescription: @Sendable (String, String) -> String?
}

struct AlertSettingsKey: StorageKey {
    typealias Value = AlertSettings
}

extension Application {
    /// Set by ``AppBootstrap`` before any route runs.
    var alertSettings: AlertSettings {
        get throws {
            guard let settings = storage[AlertSettingsKey.self] else { throw Abort(.internalServerError, reason: "alert settings not configured") }
            return settings
        }
    }
}
