import Foundation
import MentalizeCore
import Vapor

/// When a signed group note records that a member's risk has increased, the member's own
/// (individual) therapists must hear of it: in MBT the group and individual therapists are often
/// different people. Raises a risk alert to the member's caseload (the programme lead when the
/// caseload is empty), unless the author is the member's only caseload therapist. The alert names
/// the session and the author, not the note's words: programme leads, who may receive it on
/// escalation, do not read session notes.
struct MemberRiskAlerts {
    let request: Request
    let access: PatientAccess


    func raise(for note: GroupSessionNote, session: ScheduledSession, author: UUID, authorName: String) async throws {
        let alerts = RiskAlerts(request: request)
        for member in note.memberNotes.values.sorted(by: { $0.patient.description < $1.patient.description }) where member.risk?.change == .increased {
            let patientID = member.patient.rawValue
            guard Set(try await alerts.caseloadTherapists(of: patientID)) != [author] else { continue }
            let rule = AlertRuleLine.groupRiskRule(date: session.key.date, author: authorName)
            try await alerts.raise(patientID: patientID, source: .groupNote, sourceID: nil, instrumentID: nil, ruleIDs: [rule], level: .high, raisedBy: access)
        }
    }
}
