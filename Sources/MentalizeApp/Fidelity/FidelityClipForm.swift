import Foundation
import MentalizeCore

/// The therapist's request to have a session (or a clip of it) rated: the scale, the minutes (both
/// blank for the whole session), the link to the recording in the clinic's own store and the first
/// rater.
struct FidelityClipForm {
    static let linkLimit = 500

    var session = ""
    var scaleID = ""
    var startMinute = ""
    var endMinute = ""
    var recordingLink = ""
    var raterID = ""

    init() {}

    init(fields: [String: String]) {
        session = fields["session"] ?? ""
        scaleID = fields["scaleID"] ?? ""
        startMinute = (fields["startMinute"] ?? "").trimmingCharacters(in: .whitespaces)
        endMinute = (fields["endMinute"] ?? "").trimmingCharacters(in: .whitespaces)
        recordingLink = (fields["recordingLink"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        raterID = fields["raterID"] ?? ""
    }

    /// What was asked for, checked.
    struct Checked {
        let scaleID: String
        let startMinute: Int?
        let endMinute: Int?
        let lengthMinutes: Int
        let recordingLink: String
        let rater: UUID
    }

    /// Problems in words, or the checked request. The minutes must lie within the session
    /// (`sessionMinutes` long); the link must be an https address; the rater one of `raters`.
    func checked(scales: Set<String>, sessionMinutes: Int, raters: Set<UUID>) -> Result<Checked, FidelityFormProblems> {
        var problems: [String] = []
        if !scales.contains(scaleID) { problems.append(PageText.text("fidelity.error.scale")) }
        var start: Int?
        var end: Int?
        if startMinute.isEmpty && endMinute.isEmpty {
            start = nil
            end = nil
        } else if let from = Int(startMinute), let to = Int(endMinute), from >= 0, from < to, to <= sessionMinutes {
            start = from
            end = to
        } else {
            problems.append(PageText.text("fidelity.error.minutes", ["minutes": String(sessionMinutes)]))
        }
        if !Self.isRecordingLink(recordingLink) {
            problems.append(PageText.text("fidelity.error.link"))
        }
        let rater = UUID(uuidString: raterID)
        if rater.map({ !raters.contains($0) }) ?? true { problems.append(PageText.text("fidelity.error.rater")) }
        guard problems.isEmpty, let rater else { return .failure(FidelityFormProblems(messages: problems)) }
        return .success(Checked(scaleID: scaleID, startMinute: start, endMinute: end, lengthMinutes: (end ?? sessionMinutes) - (start ?? 0),
                                recordingLink: recordingLink, rater: rater))
    }

    /// An https address with a host, no spaces, within the length limit.
    static func isRecordingLink(_ text: String) -> Bool {
        guard text.count <= linkLimit, !text.contains(where: \.isWhitespace), let url = URL(string: text),
              url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty else { return false }
        return true
    }
}

/// Problems with a fidelity form, in words for the clinician.
struct FidelityFormProblems: Error {
    let messages: [String]
}
