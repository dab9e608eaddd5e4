import Foundation

/// `/fidelity`: the ratings asked of me (to do, and done), and for a therapist the ratings of
/// their own sessions as written feedback with the scores, and their trend.
struct FidelityPageContext: Encodable {
    struct Asked: Encodable {
        let path: String
        let therapist: String
        let session: String
        let scale: String
        let minutes: String
    }

    /// One rater's scores and feedback on a clip of my session (shown once every rater is in).
    struct RaterScores: Encodable {
        let rater: String
        let adherence: String
        let quality: String
        let feedback: String
    }

    struct RatedClip: Encodable {
        let session: String
        let scale: String
        let minutes: String
        let status: String
        let complete: Bool
        let ratings: [RaterScores]
    }

    /// The mean over raters of one complete clip, in date order.
    struct TrendPoint: Encodable {
        let session: String
        let adherence: String
        let quality: String
    }

    let page: PageChrome
    let toDo: [Asked]
    let done: [Asked]
    let isTherapist: Bool
    let mine: [RatedClip]
    let trend: [TrendPoint]
}

/// The therapist's recent sessions, to choose one to have rated.
struct FidelityChooseContext: Encodable {
    struct Session: Encodable {
        let path: String
        let when: String
        let title: String
    }

    let page: PageChrome
    let sessions: [Session]
}

/// The request to have a session rated.
struct FidelityClipContext: Encodable {
    struct Choice: Encodable {
        let id: String
        let label: String
        let selected: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let action: String
    let sessionPath: String
    let sessionText: String
    let sessionMinutes: Int
    let session: String
    let scales: [Choice]
    let raters: [Choice]
    let startMinute: String
    let endMinute: String
    let recordingLink: String
    let problems: [String]
}

/// One rating: the material, the scale's items to score (while mine is open), and the ratings I may
/// see (mine, and the others' once every rater is in).
struct FidelityRatingContext: Encodable {
    struct Point: Encodable {
        let value: Int
        let anchor: String
        let checked: Bool
    }

    struct Question: Encodable {
        let name: String
        let legend: String
        let points: [Point]
    }

    struct Item: Encodable {
        let label: String
        let questions: [Question]
    }

    struct Submitted: Encodable {
        let rater: String
        let adherence: String
        let quality: String
        let feedback: String
        let scores: [ItemScore]
    }

    struct ItemScore: Encodable {
        let label: String
        let adherence: String
        let quality: String
    }

    let page: PageChrome
    let csrfToken: String
    let action: String
    let therapist: String
    let session: String
    let minutes: String
    let recordingLink: String
    let scaleTitle: String
    let scaleSource: String
    let range: String
    let canRate: Bool
    let items: [Item]
    let feedback: String
    let problems: [String]
    /// Raters asked and how many are in.
    let progress: String
    let blindNote: Bool
    let submitted: [Submitted]
}
