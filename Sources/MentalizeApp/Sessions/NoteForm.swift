import Foundation
import MentalizeCore

/// The session-note form: checkboxes `intervention.<name>` and `mode.<name>`, one select per
/// dimension `pole.<dimension>`, `narrative`, `risk`, `riskSummary`, `crisisPlanReviewed`, `plan`,
/// and for a group note `member.<patient id>` per member. Parsed into the core's note body.
enum NoteForm {
    static func body(_ fields: [String: String]) -> Result<SessionNoteBody, NoteRefusal> {
        let interventions = Set(MBTIntervention.allCases.filter { fields["intervention.\($0.rawValue)"] != nil })
        let modes = Set(PrementalizingMode.allCases.filter { fields["mode.\($0.rawValue)"] != nil })
        let poles = Set(MentalizingDimension.allCases.compactMap { fields["pole.\($0.rawValue)"].flatMap(MentalizingPole.init(rawValue:)) })
        do {
            let observed = try ObservedMentalizing(modes: modes, imbalances: poles)
            var risk: RiskUpdate?
            if let change = fields["risk"].flatMap(RiskChange.init(rawValue:)) {
                risk = try RiskUpdate(change: change, summary: fields["riskSummary"] ?? "", crisisPlanReviewed: fields["crisisPlanReviewed"] != nil)
            }
            return .success(try SessionNoteBody(interventions: interventions, observed: observed, narrative: fields["narrative"] ?? "", risk: risk, plan: fields["plan"] ?? ""))
        } catch {
            return .failure(error)
        }
    }

    /// The member notes typed for `members` (empty ones left out).
    static func memberNotes(_ fields: [String: String], members: [UUID]) -> Result<[MemberNote], NoteRefusal> {
        var notes: [MemberNote] = []
        for member in members {
            let text = fields["member.\(member.uuidString)"] ?? ""
            guard !text.trimmed.isEmpty else { continue }
            do {
                notes.append(try MemberNote(patient: PatientID(member), text: text))
            } catch {
                return .failure(error)
            }
        }
        return .success(notes)
    }

    /// The form fields that show `body` (and member notes) again.
    static func fields(_ body: SessionNoteBody, members: [MemberNote] = []) -> [String: String] {
        var fields: [String: String] = ["narrative": body.narrative, "plan": body.plan]
        for intervention in body.interventions { fields["intervention.\(intervention.rawValue)"] = "on" }
        for mode in body.observed.modes { fields["mode.\(mode.rawValue)"] = "on" }
        for pole in body.observed.imbalances { fields["pole.\(pole.dimension.rawValue)"] = pole.rawValue }
        if let risk = body.risk {
            fields["risk"] = risk.change.rawValue
            fields["riskSummary"] = risk.summary
            if risk.crisisPlanReviewed { fields["crisisPlanReviewed"] = "on" }
        }
        for note in members { fields["member.\(note.patient.rawValue.uuidString)"] = note.text }
        return fields
    }
}
