import Foundation
import MentalizeCore

/// The review part of a session page: where the note stands with its supervisor, every stamped
/// step with the comments of returned versions, the earlier signed versions as they were, and for
/// the reviewer the form to counter-sign (or approve) or return the note.
struct NoteReviewPanel: Encodable {
    struct Step: Encodable {
        let who: String
        let when: String
        let actionKey: String
        let version: Int
        let comment: String
    }

    /// A signed version kept as it was submitted.
    struct Version: Encodable {
        let number: Int
        let signedAt: String
        let narrative: String
        let plan: String
    }

    let statusKey: String
    let modeKey: String
    let reviewerName: String
    let steps: [Step]
    let versions: [Version]
    let canReview: Bool
    let path: String
    let completeKey: String
    let comment: String

    static func make(review: NoteReview, versions: [NoteVersionRecord], kind: String, names: [UUID: String], viewer: UUID,
                     path: String, comment: String, zone: ClinicZone) throws -> NoteReviewPanel {
        let held = review.mode == .approve && review.status == .awaitingReview
        // While a returned note is being revised every kept version is earlier than the draft;
        // otherwise the latest version is the note shown above.
        let earlier = versions.filter { $0.version < review.version || review.status == .returned }
        return NoteReviewPanel(
            statusKey: "review.status.\(review.status.rawValue)" + (held ? ".held" : ""),
            modeKey: "review.mode.\(review.mode.rawValue)", reviewerName: names[review.reviewer.rawValue] ?? "",
            steps: review.steps.map { .init(who: names[$0.by.rawValue] ?? "", when: DisplayTime.clinic($0.at, zone: zone),
                                            actionKey: "review.action.\($0.action.rawValue)", version: $0.version, comment: $0.comment ?? "") },
            versions: try earlier.map { version in
                let body = try Self.body(version.noteJSON, kind: kind)
                return .init(number: version.version, signedAt: DisplayTime.clinic(version.signedAt, zone: zone), narrative: body.narrative, plan: body.plan)
            },
            canReview: review.status == .awaitingReview && review.reviewer.rawValue == viewer, path: path,
            completeKey: review.mode == .approve ? "review.approve" : "review.counterSign", comment: comment)
    }

    private static func body(_ json: String, kind: String) throws -> SessionNoteBody {
        let data = Data(json.utf8)
        if kind == "group" { return try JSONDecoder().decode(SignableNote<GroupSessionNote>.self, from: data).content.body }
        return try JSONDecoder().decode(SignableNote<IndividualSessionNote>.self, from: data).content.body
    }
}
