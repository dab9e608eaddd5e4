import Foundation
import MentalizeCore

/// The supervisor's form for logging a session. Supervisees are the checked boxes named
/// `supervisee.<therapist id>`; the rest are plain fields.
struct SupervisionSessionForm {
    static let maxMinutes = 480
    static let casesLimit = 500

    var heldOn = ""
    var minutes = ""
    var format = "individual"
    var material = "none"
    var cases = ""
    var attested = false
    var supervisees: Set<UUID> = []
    /// Cases discussed, as patients on the supervisees' caseloads (`case.<patient id>` boxes).
    var linkedCases: Set<UUID> = []

    init() {}

    init(fields: [String: String]) {
        heldOn = fields["heldOn"] ?? ""
        minutes = fields["minutes"] ?? ""
        format = fields["format"] ?? ""
        material = fields["material"] ?? ""
        cases = (fields["cases"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        attested = fields["attested"] == "on"
        supervisees = Self.ticked(fields, prefix: "supervisee.")
        linkedCases = Self.ticked(fields, prefix: "case.")
    }

    /// The ids of the boxes ticked under `prefix`.
    private static func ticked(_ fields: [String: String], prefix: String) -> Set<UUID> {
        Set(fields.compactMap { key, value in key.hasPrefix(prefix) && value == "on" ? UUID(uuidString: String(key.dropFirst(prefix.count))) : nil })
    }

    /// What was logged, checked: a real past-or-today day, 1 to 480 minutes, one supervisee alone
    /// or two or more in a group (all of them the supervisor's), material, linked cases from the
    /// chosen supervisees' caseloads (`caseloads`: therapist → patients), other cases by initials
    /// only, attested.
    func checked(mySupervisees: Set<UUID>, caseloads: [UUID: Set<UUID>], today: LocalDate) -> Result<SupervisionSessionFacts, SupervisionLogProblems> {
        var problems: [String] = []
        let day = try? LocalDate(iso: heldOn)
        if day == nil { problems.append(PageText.text("supervision.error.day")) } else if let day, day > today { problems.append(PageText.text("supervision.error.future")) }
        let length = Int(minutes) ?? 0
        if !(1...Self.maxMinutes).contains(length) { problems.append(PageText.text("supervision.error.minutes", ["max": String(Self.maxMinutes)])) }
        if !supervisees.isSubset(of: mySupervisees) { problems.append(PageText.text("supervision.error.notSupervisee")) }
        switch format {
        case "individual" where supervisees.count != 1: problems.append(PageText.text("supervision.error.individual"))
        case "group" where supervisees.count < 2: problems.append(PageText.text("supervision.error.group"))
        case "individual", "group": break
        default: problems.append(PageText.text("supervision.error.format"))
        }
        if !["none", "live", "recorded"].contains(material) { problems.append(PageText.text("supervision.error.material")) }
        let reachable = supervisees.reduce(into: Set<UUID>()) { $0.formUnion(caseloads[$1] ?? []) }
        if !linkedCases.isSubset(of: reachable) { problems.append(PageText.text("supervision.error.linkedCases")) }
        if cases.count > Self.casesLimit || !Self.isInitialsList(cases) {
            problems.append(PageText.text("supervision.error.initials"))
        }
        if !attested { problems.append(PageText.text("supervision.error.attest")) }
        guard problems.isEmpty else { return .failure(SupervisionLogProblems(messages: problems)) }
        return .success(SupervisionSessionFacts(minutes: length, format: format == "group" ? .group(participants: supervisees.count) : .individual,
                                                materialShown: material != "none"))
    }

    /// Empty, or initials separated by commas: each entry one to four letters, each letter
    /// optionally followed by a full stop ("A.T.", "AT", "A. T.").
    static func isInitialsList(_ text: String) -> Bool {
        guard !text.isEmpty else { return true }
        return text.split(separator: ",").allSatisfy { entry in
            let letters = entry.filter { $0 != "." && $0 != " " }
            return (1...4).contains(letters.count) && letters.allSatisfy(\.isLetter) && entry.allSatisfy { $0.isLetter || $0 == "." || $0 == " " }
        }
    }
}

/// What is wrong with a logged session, in words for the supervisor.
struct SupervisionLogProblems: Error {
    let messages: [String]
}
