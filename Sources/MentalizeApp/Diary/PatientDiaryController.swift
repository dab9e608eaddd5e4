import Fluent
import MentalizeCore
import Vapor

/// The therapist's view of the entries a patient chose to share (never private ones, never
/// drafts, never deleted ones), newest first, each with the analyzer's short clinician-only
/// summary and a "bring to next session" mark.
struct PatientDiaryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patientDiary, use: list)
        try routes.post(.patientDiaryFlags, use: flag)
    }

    func list(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let records = try await DiaryEntryRecord.query(on: request.db).filter(\.$patient.$id == patientID)
            .filter(\.$visibility == DiaryVisibility.sharedWithTherapist.rawValue).filter(\.$isDraft == false).filter(\.$deletedAt == nil)
            .sort(\.$updatedAt, .descending).limit(100).all()
        let flagged = Set(try await DiarySessionFlag.query(on: request.db).filter(\.$entry.$id ~~ records.compactMap(\.id)).all().map(\.$entry.id))
        let canFlag = try await access.allows(.write, .sessionNote, patientID: patientID)
        let analyzer = MentalizingAnalyzer()
        let entries: [PatientDiaryContext.Entry] = records.compactMap { record in
            guard let id = record.id, let entry = DiaryBook.decode(record) else { return nil }
            let sections = DiaryField.narrative.compactMap { field -> DiaryEntryContext.Section? in
                guard let text = entry.text(of: field), !text.isEmpty else { return nil }
                return .init(labelKey: "diary.field.\(field.rawValue)", text: text)
            }
            return .init(id: id.uuidString, when: DisplayTime.minute(record.updatedAt), sections: sections,
                         feelings: entry.emotions.map { .init(labelKey: "diary.emotion.\($0.emotion)", intensity: $0.intensity) },
                         certainty: entry.certaintyAboutTheirMind, summary: DiaryClinicianSummary.lines(for: entry, analyzer: analyzer), flagged: flagged.contains(id))
        }
        let context = PatientDiaryContext(page: PageChrome(titleKey: "diary.staffTitle", request: request), csrfToken: request.csrfToken,
                                          name: "\(patient.givenName) \(patient.familyName)", patientPath: SiteRoute.patient.path(patient: patientID),
                                          entries: entries, canFlag: canFlag, flagPath: SiteRoute.patientDiaryFlags.path(patient: patientID))
        return try await request.view.render("patient-diary", context)
    }

    /// Marks (or unmarks) a shared entry to bring to the next session: session planning, so it
    /// is a session-note write for the patient's therapist.
    func flag(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        struct Form: Content { var entryID: UUID?; var flagged: String? }
        let form = try request.form(Form.self)
        let patientID = try patient.requireID()
        guard let entryID = form.entryID,
              let record = try await DiaryEntryRecord.query(on: request.db).filter(\.$id == entryID).filter(\.$patient.$id == patientID)
                .filter(\.$visibility == DiaryVisibility.sharedWithTherapist.rawValue).filter(\.$deletedAt == nil).first() else {
            throw Abort(.badRequest, reason: "Choose a shared entry.")
        }
        let existing = try await DiarySessionFlag.query(on: request.db).filter(\.$entry.$id == entryID).filter(\.$therapist.$id == access.user.id).first()
        if form.flagged == "on", existing == nil {
            let flag = DiarySessionFlag()
            flag.$entry.id = try record.requireID()
            flag.$therapist.id = access.user.id
            flag.flaggedAt = request.now
            try await flag.create(on: request.db)
        } else if form.flagged != "on", let existing {
            try await existing.delete(on: request.db)
        }
        return request.redirect(to: SiteRoute.patientDiary.path(patient: patientID))
    }
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
