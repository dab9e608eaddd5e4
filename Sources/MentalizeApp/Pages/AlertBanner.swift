import Vapor

/// One open risk alert in the banner above every staff page, until it is acknowledged.
struct AlertBanner: Encodable, Sendable {
    let patient: String
    let level: String
    let raised: String
    let path: String
    let escalated: Bool
}

/// Where the alerts feature leaves a request's banner for the page chrome.
struct OpenAlertsKey: StorageKey {
    typealias Value = [AlertBanner]
}
