import Foundation
import MentalizeCore

/// The session-note form: checkboxes `intervention.<name>` and `mode.<name>`, one select per
/// dimension `pole.<dimension>`, `narrative`, `risk`, `riskSummary`, `crisisPlanReviewed`, `plan`,
/// and for a group note per member `member.<patient id>` (text) with the same observation and
/// risk fields under `member.<patient id>.`. Parsed into the core's note body.
enum NoteForm {
    static func body(_ fields: [String: String]) -> Result<SessionNoteBody, NoteRefusal> {
        let interventions = Set(MBTIntervention.allCases.filter { fields["intervention.\($0.rawValue)"] != nil })
        do {
            return .success(try SessionNoteBody(interventions: interventions, observed: try observed(fields, prefix: ""), narrative: fields["narrative"] ?? "",
                                                risk: try risk(fields, prefix: ""), plan: fields["plan"] ?? ""))
        } catch {
            return .failure(error)
        }
    }

    /// The member notes typed for `members`: text under `member.<id>`, observed mentalizing and a
    /// risk update under the same prefix (`member.<id>.mode.<name>`, ...). A member with nothing
    /// entered is left out.
    static func memberNotes(_ fields: [String: String], members: [UUID]) -> Result<[MemberNote], MemberNoteRefusal> {
        var notes: [MemberNote] = []
        for member in members {
            let prefix = memberPrefix(member)
            let text = fields[String(prefix.dropLast())] ?? ""
            do {
                let observed = try observed(fields, prefix: prefix)
                let risk = try risk(fields, prefix: prefix)
                guard !text.trimmed.isEmpty || observed != .none || risk != nil else { continue }
                notes.append(try MemberNote(patient: PatientID(member), text: text, observed: observed, risk: risk))
            } catch {
                return .failure(MemberNoteRefusal(member: member, refusal: error))
            }
        }
        return .success(notes)
    }

    /// The form fields that show `body` (and member notes) again.
    static func fields(_ body: SessionNoteBody, members: [MemberNote] = []) -> [String: String] {
        var fields: [String: String] = ["narrative": body.narrative, "plan": body.plan]
        for intervention in body.interventions { fields["intervention.\(intervention.rawValue)"] = "on" }
        fill(&fields, observed: body.observed, risk: body.risk, prefix: "")
        for note in members {
            let prefix = memberPrefix(note.patient.rawValue)
            fields[String(prefix.dropLast())] = note.text
            fill(&fields, observed: note.observed, risk: note.risk, prefix: prefix)
        }
        return fields
    }

    /// `member.<id>.`: the prefix of one member's fields (their text is the prefix without the dot).
    static func memberPrefix(_ member: UUID) -> String { "member.\(member.uuidString)." }

    private static func observed(_ fields: [String: String], prefix: String) throws(NoteRefusal) -> ObservedMentalizing {
        let modes = Set(PrementalizingMode.allCases.filter { fields["\(prefix)mode.\($0.rawValue)"] != nil })
        let poles = Set(MentalizingDimension.allCases.compactMap { fields["\(prefix)pole.\($0.rawValue)"].flatMap(MentalizingPole.init(rawValue:)) })
        return try ObservedMentalizing(modes: modes, imbalances: poles)
    }

    private static func risk(_ fields: [String: String], prefix: String) throws(NoteRefusal) -> RiskUpdate? {
        guard let change = fields["\(prefix)risk"].flatMap(RiskChange.init(rawValue:)) else { return nil }
        return try RiskUpdate(change: change, summary: fields["\(prefix)riskSummary"] ?? "", crisisPlanReviewed: fields["\(prefix)crisisPlanReviewed"] != nil)
    }

    private static func fill(_ fields: inout [String: String], observed: ObservedMentalizing, risk: RiskUpdate?, prefix: String) {
        for mode in observed.modes { fields["\(prefix)mode.\(mode.rawValue)"] = "on" }
        for pole in observed.imbalances { fields["\(prefix)pole.\(pole.dimension.rawValue)"] = pole.rawValue }
        if let risk {
            fields["\(prefix)risk"] = risk.change.rawValue
            fields["\(prefix)riskSummary"] = risk.summary
            if risk.crisisPlanReviewed { fields["\(prefix)crisisPlanReviewed"] = "on" }
        }
    }
}

/// Why one member's part of a group note was refused, and whose part it was (the page names them).
struct MemberNoteRefusal: Error {
    let member: UUID
    let refusal: NoteRefusal
}
