import Fluent
import MentalizeCore
import Vapor

/// The diary form, with every value kept as typed and an error next to each field that needs one.
enum DiaryFormPage {
    static func render(_ request: Request, form: DiaryForm, errors: [String: String], action: String) async throws -> View {
        let fields = DiaryField.narrative.map { field in
            DiaryFormContext.TextField(name: field.rawValue, labelKey: "diary.field.\(field.rawValue)", hintKey: "diary.hint.\(field.rawValue)",
                                       value: form.fields[field.rawValue] ?? "", error: errors[field.rawValue], required: field == .whatHappened)
        }
        let emotions = DiaryEmotion.allCases.map { emotion in
            DiaryFormContext.Emotion(key: emotion.rawValue, labelKey: "diary.emotion.\(emotion.rawValue)",
                                     checked: form.picks(emotion),
                                     intensity: form.fields["intensity-\(emotion.rawValue)"] ?? DiaryForm.startingIntensity, error: errors["intensity-\(emotion.rawValue)"])
        }
        let context = DiaryFormContext(
            page: PageChrome(titleKey: "diary.write", request: request), csrfToken: request.csrfToken, action: action, key: form.fields["key"] ?? UUID().uuidString,
            whatHappened: fields[0], afterFeelings: Array(fields.dropFirst()), emotions: emotions, emotionsError: errors[DiaryField.emotions.rawValue],
            certainty: form.fields["certaintyAboutTheirMind"] ?? "", certaintyError: errors[DiaryField.certaintyAboutTheirMind.rawValue],
            shared: form.fields["visibility"] == DiaryVisibility.sharedWithTherapist.rawValue, hasErrors: !errors.isEmpty, backPath: SiteRoute.myDiary.path
        )
        return try await request.view.render("diary-form", context)
    }
}

/// One saved entry as its author reads it back: the safety panel when risk language was found,
/// otherwise up to two reflection questions with the words that led to them (when prompts are on).
enum DiaryEntryPage {
    static func render(_ request: Request, patient: Patient, record: DiaryEntryRecord, entry: DiaryEntry, promptsEnabled: Bool) async throws -> View {
        let reflection = DiaryReflector().reflect(entry)
        let helplines = try await Helplines(database: request.db).lines(clinicID: patient.$clinic.id, language: request.language)
        let id = try record.requireID()
        let sections = DiaryField.narrative.compactMap { field -> DiaryEntryContext.Section? in
            guard let text = entry.text(of: field), !text.isEmpty else { return nil }
            return .init(labelKey: "diary.field.\(field.rawValue)", text: text)
        }
        let prompts = reflection.outcome == .prompts && promptsEnabled ? reflection.prompts.map { suggestion in
            DiaryEntryContext.Prompt(text: ReflectionPromptTranslations.text(of: suggestion.prompt, in: request.language), evidence: suggestion.evidence.prefix(3).map {
                .init(fieldKey: "diary.field.\($0.field.rawValue)", words: $0.text)
            })
        } : []
        let context = DiaryEntryContext(
            page: PageChrome(titleKey: "diary.entryTitle", request: request), csrfToken: request.csrfToken, when: DisplayTime.clinic(record.updatedAt, zone: try await request.clinicZone()),
            sections: sections, feelings: entry.emotions.map { .init(labelKey: "diary.emotion.\($0.emotion)", intensity: $0.intensity) },
            certainty: entry.certaintyAboutTheirMind, shared: entry.visibility == .sharedWithTherapist,
            safety: reflection.outcome == .routeToSafety,
            availability: reflection.outcome == .routeToSafety ? try await request.teamAvailability(clinicID: patient.$clinic.id) : nil,
            prompts: prompts, promptsEnabled: promptsEnabled,
            helplines: helplines,
            crisisPath: SiteRoute.myCrisisPlan.path, editPath: SiteRoute.myDiaryEdit.path(entry: id),
            deletePath: SiteRoute.myDiaryDelete.path(entry: id), listPath: SiteRoute.myDiary.path
        )
        return try await request.view.render("diary-entry", context)
    }
}
