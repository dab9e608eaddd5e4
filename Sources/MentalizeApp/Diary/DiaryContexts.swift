/// The diary list.
struct MyDiaryContext: Encodable {
    struct Row: Encodable {
        let when: String
        let summary: String
        let shared: Bool
        let draft: Bool
        let path: String
    }

    let page: PageChrome
    let csrfToken: String
    let rows: [Row]
    /// Just after an entry was deleted: say so.
    let deleted: Bool
    let newPath: String
    let promptsOn: Bool
    let clinicPromptsOn: Bool
    let promptsPath: String
}

/// The diary form.
struct DiaryFormContext: Encodable {
    struct TextField: Encodable {
        let name: String
        let labelKey: String
        let hintKey: String
        let value: String
        let error: String?
        let required: Bool
    }

    struct Emotion: Encodable {
        let key: String
        let labelKey: String
        let checked: Bool
        let intensity: String
        let error: String?
    }

    let page: PageChrome
    let csrfToken: String
    let action: String
    let key: String
    let whatHappened: TextField
    let afterFeelings: [TextField]
    let emotions: [Emotion]
    let emotionsError: String?
    let certainty: String
    let certaintyError: String?
    let shared: Bool
    let hasErrors: Bool
    let backPath: String
}

/// A saved entry read back by its author.
struct DiaryEntryContext: Encodable {
    struct Section: Encodable {
        let labelKey: String
        let text: String
    }

    struct Feeling: Encodable {
        let labelKey: String
        let intensity: Int
    }

    struct Evidence: Encodable {
        let fieldKey: String
        let words: String
    }

    struct Prompt: Encodable {
        let text: String
        let evidence: [Evidence]
    }

    let page: PageChrome
    let csrfToken: String
    let when: String
    let sections: [Section]
    let feelings: [Feeling]
    let certainty: Int?
    let shared: Bool
    let safety: Bool
    /// When the care team will see the alert an entry raised (shown with `safety`).
    let availability: TeamAvailability?
    let prompts: [Prompt]
    let promptsEnabled: Bool
    let helplines: [HelplineLine]
    let crisisPath: String
    let editPath: String
    let deletePath: String
    let listPath: String
}

/// The therapist's view of shared entries.
struct PatientDiaryContext: Encodable {
    struct Entry: Encodable {
        let id: String
        let when: String
        let sections: [DiaryEntryContext.Section]
        let feelings: [DiaryEntryContext.Feeling]
        let certainty: Int?
        let summary: [String]
        let flagged: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let entries: [Entry]
    let canFlag: Bool
    let flagPath: String
}
