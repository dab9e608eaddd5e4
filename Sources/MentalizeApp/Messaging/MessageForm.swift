import Foundation
import MentalizeCore
import Vapor

/// What a message form sends, trimmed, with the idempotency key scoped to its author.
struct MessageForm: Content {
    var subject: String?
    var body: String?
    var key: String?

    var trimmedSubject: String { (subject ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    var trimmedBody: String { (body ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The stored key: the form's UUID prefixed by the author, so keys never collide across people.
    func storedKey(author: UUID) -> String? {
        key.flatMap(UUID.init(uuidString:)).map { "\(author.uuidString):\($0.uuidString)" }
    }
}

/// One message as the thread page shows it.
struct MessageLine: Encodable {
    let author: String
    let fromPatient: Bool
    let sent: String
    let body: String
}

/// A thread in a list.
struct ThreadLine: Encodable {
    let subject: String
    let patient: String?
    let last: String
    let unread: Int
    let path: String

    /// The line for a thread summary, linking to `route` (which takes `:threadID`); nil for an
    /// unsaved thread. `showPatient` names the patient (the staff inbox lists many).
    init?(_ summary: MessageStore.ThreadSummary, route: SiteRoute, showPatient: Bool) {
        guard let id = summary.thread.id else { return nil }
        subject = summary.thread.subject
        patient = showPatient ? summary.thread.patient.displayName : nil
        last = DisplayTime.minute(summary.thread.lastMessageAt)
        unread = summary.unread
        path = route.path(thread: id)
    }
}

/// Screens a patient's message for risk language and, when it fires, alerts the care team.
enum MessageRiskCheck {
    static func screen(_ text: String, patientID: UUID, messageThreadID: UUID, request: Request, access: PatientAccess) async throws -> Bool {
        let result = RiskLanguageScreen().screen(text)
        guard result.routeToSafety else { return false }
        try await RiskAlerts(request: request).raise(patientID: patientID, source: .message, sourceID: messageThreadID, instrumentID: nil,
                                                    ruleIDs: Array(Set(result.matches.map(\.rule))).sorted(), level: .high, raisedBy: access)
        return true
    }
}
