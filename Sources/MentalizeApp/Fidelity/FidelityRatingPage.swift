import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The page of one rating: the material (therapist, session, minutes, the link to the recording),
/// the scale's items to score while the rating is the viewer's and open, and the submitted ratings
/// the viewer may see (their own; the others' once every rater asked is in). Never the patient.
enum FidelityRatingPage {
    static func render(_ request: Request, rating: FidelityRatingRecord, raters: [FidelityRatingRecord], fields: [String: String], problems: [String],
                              status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireWebUser()
        let zone = try await request.clinicZone()
        let clip = rating.clip
        let scale = try await FidelityScaleStore(database: request.db).ratable()[clip.scaleID] ?? FidelityScaleStore.bundled.first { $0.id == clip.scaleID }
        guard let scale else { throw Abort(.notFound) }
        let blind = BlindRating(raters.map { .init(rater: UserID($0.$rater.id), submitted: $0.submittedAt != nil) })
        let visible = blind.visibleRaters(to: UserID(user.id))
        let names = try await StaffNames(database: request.db).names(for: [clip.$therapist.id] + raters.map { $0.$rater.id })
        let canRate = rating.$rater.id == user.id && rating.submittedAt == nil
        var submitted: [FidelityRatingContext.Submitted] = []
        for record in raters where record.submittedAt != nil && visible.contains(UserID(record.$rater.id)) {
            guard let core = try FidelityStore.coreRating(record, scale: scale) else { continue }
            submitted.append(shown(core, feedback: record.feedback ?? "", rater: names[record.$rater.id] ?? "", scale: scale))
        }
        let context = FidelityRatingContext(
            page: PageChrome(titleKey: "fidelity.ratingTitle", request: request), csrfToken: request.csrfToken,
            action: SiteRoute.fidelityRating.path(rating: try rating.requireID()), therapist: names[clip.$therapist.id] ?? "",
            session: DisplayTime.clinic(clip.sessionStart, zone: zone), minutes: FidelityController.minutesText(clip), recordingLink: clip.recordingLink,
            scaleTitle: scale.title, scaleSource: scale.source, range: "\(scale.minimum)–\(scale.maximum)", canRate: canRate,
            items: canRate ? scale.items.map { item in
                .init(label: item.label, questions: FidelityDimension.allCases.filter { $0 == .adherence ? item.adherence : item.quality }.map { dimension in
                    let name = "\(dimension.rawValue).\(item.id)"
                    return .init(name: name, legend: "fidelity.dimension.\(dimension.rawValue)",
                                 points: (scale.minimum...scale.maximum).map { .init(value: $0, anchor: item.anchors[String($0)] ?? "", checked: fields[name] == String($0)) })
                })
            } : [],
            feedback: fields["feedback"] ?? "", problems: problems,
            progress: "\(raters.filter { $0.submittedAt != nil }.count) of \(raters.count)", blindNote: !blind.isComplete, submitted: submitted)
        let response = try await request.view.render("fidelity-rating", context).encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A submitted rating as shown: the means, each item's scores, the feedback.
    private static func shown(_ core: FidelityRating, feedback: String, rater: String, scale: FidelityScale) -> FidelityRatingContext.Submitted {
        let scores = scale.items.map { item -> FidelityRatingContext.ItemScore in
            let adherence = core.scores[.adherence]?[item.id].map(String.init) ?? "–"
            let quality = core.scores[.quality]?[item.id].map(String.init) ?? "–"
            return FidelityRatingContext.ItemScore(label: item.label, adherence: adherence, quality: quality)
        }
        return FidelityRatingContext.Submitted(rater: rater, adherence: FidelityController.mean(core.total(.adherence)),
                                               quality: FidelityController.mean(core.total(.quality)), feedback: feedback, scores: scores)
    }
}
