import MentalizeCore

/// The patient's questionnaires page.
struct MyMeasuresContext: Encodable {
    struct Due: Encodable {
        let title: String
        let dueOn: String
        let overdue: Bool
        let startPath: String
        let questions: Int
    }

    struct Chart: Encodable {
        let title: String
        /// The language of the title when it is not the page's (an instrument's own name).
        let titleLanguage: String?
        let summary: String
        /// A text key: "lower is better" or "higher is better".
        let direction: String
        let path: String
    }

    let page: PageChrome
    let csrfToken: String
    let due: [Due]
    let charts: [Chart]
}

/// One question on its own page, phone-first, with progress.
struct MeasureQuestionContext: Encodable {
    struct Option: Encodable {
        let code: String
        let display: String
        let checked: Bool
        let inputID: String
    }

    struct Item: Encodable {
        let linkId: String
        let text: String
        let isChoice: Bool
        let options: [Option]
        let value: String
        let min: Int?
        let max: Int?

        init(_ item: InstrumentItem, chosen: ItemAnswer?) {
            linkId = item.linkId
            text = item.text
            isChoice = item.type == .choice
            options = (item.answerOptions ?? []).enumerated().map { index, option in
                Option(code: option.code, display: option.display, checked: chosen == .code(option.code), inputID: "answer-\(index)")
            }
            if case .integer(let number)? = chosen { value = String(number) } else { value = "" }
            min = item.minValue
            max = item.maxValue
        }
    }

    let page: PageChrome
    let csrfToken: String
    let title: String
    let intro: String?
    let position: Int
    let total: Int
    let item: Item
    let error: String?
    let action: String
    let canGoBack: Bool
    let copyright: String
    /// The language of the notice (the instrument's own), which a translation of its items leaves as it is.
    let copyrightLanguage: String

    /// How an answer reads on the review page and in tables.
    static func display(_ answer: ItemAnswer?, on item: InstrumentItem) -> String {
        switch answer {
        case .code(let code)?: item.option(code: code)?.display ?? code
        case .integer(let number)?: String(number)
        case nil: "—"
        }
    }
}

/// The review step before submitting.
struct MeasureReviewContext: Encodable {
    struct Row: Encodable {
        let number: Int
        let text: String
        let answer: String
        let changePath: String
    }

    let page: PageChrome
    let csrfToken: String
    let title: String
    let rows: [Row]
    let complete: Bool
    let errorKey: String?
    let submitPath: String
}

/// After submitting: thanks, and when an answer spoke of risk, support at once.
struct MeasureDoneContext: Encodable {
    let page: PageChrome
    let title: String
    let showSupport: Bool
    /// When the care team will see the alert the answers raised (shown with `showSupport`).
    let availability: TeamAvailability?
    let crisisPath: String
    let measuresPath: String
    let helplines: [HelplineLine]
}
