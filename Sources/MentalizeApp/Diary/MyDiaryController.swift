import Fluent
import MentalizeCore
import Vapor

/// The patient's mentalizing diary: the list, writing an entry (drafts saved, only "what happened"
/// required, private or shared as the patient chooses), reading it back with one or two reflection
/// questions from the reviewed bank and the words that led to them, editing and deleting. Risk
/// language shows the crisis plan and helplines at once and alerts the care team.
struct MyDiaryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myDiary, use: list)
        try routes.get(.myDiaryNew, use: newForm)
        try routes.post(.myDiaryNew, use: create)
        try routes.get(.myDiaryEntry, use: show)
        try routes.get(.myDiaryEdit, use: editForm)
        try routes.post(.myDiaryEdit, use: update)
        try routes.post(.myDiaryDelete, use: delete)
        try routes.post(.myDiaryPrompts, use: prompts)
    }

    func list(_ request: Request) async throws -> View {
        let (_, patient) = try await own(request, for: .list)
        let book = DiaryStore(database: request.db, now: request.now)
        let entries = try await book.entries(patientID: patient.requireID())
        let enabled = try await book.promptsEnabled(patient: patient)
        let zone = try await request.clinicZone()
        let rows: [MyDiaryContext.Row] = entries.compactMap { record in
            guard let id = record.id, let entry = DiaryStore.decode(record) else { return nil }
            return .init(when: DisplayTime.clinic(record.updatedAt, zone: zone), summary: entry.opening(), shared: record.visibility == DiaryVisibility.sharedWithTherapist.rawValue,
                         draft: record.isDraft, path: record.isDraft ? SiteRoute.myDiaryEdit.path(entry: id) : SiteRoute.myDiaryEntry.path(entry: id))
        }
        return try await request.view.render("my-diary", MyDiaryContext(
            page: PageChrome(titleKey: "diary.title", request: request), csrfToken: request.csrfToken, rows: rows,
            deleted: (try? request.query.get(String.self, at: "deleted")) == "1", newPath: SiteRoute.myDiaryNew.path,
            promptsOn: enabled.patient, clinicPromptsOn: enabled.clinic, promptsPath: SiteRoute.myDiaryPrompts.path))
    }

    func newForm(_ request: Request) async throws -> View {
        _ = try await own(request, for: .write)
        return try await DiaryFormPage.render(request, form: DiaryForm(entry: DiaryEntry(whatHappened: ""), key: UUID().uuidString), errors: [:], action: SiteRoute.myDiaryNew.path)
    }

    func create(_ request: Request) async throws -> Response {
        let (access, patient) = try await own(request, for: .write)
        return try await save(request, access: access, patient: patient, existing: nil, action: SiteRoute.myDiaryNew.path)
    }

    func editForm(_ request: Request) async throws -> View {
        let (_, patient) = try await own(request, for: .write)
        guard let record = try await DiaryStore(database: request.db, now: request.now).entry(request.parameters.get("entryID", as: UUID.self), patientID: patient.requireID()),
              let entry = DiaryStore.decode(record), let id = record.id else { throw Abort(.notFound) }
        let key = record.idempotencyKey.split(separator: ":").last.map(String.init) ?? UUID().uuidString
        return try await DiaryFormPage.render(request, form: DiaryForm(entry: entry, key: key), errors: [:], action: SiteRoute.myDiaryEdit.path(entry: id))
    }

    func update(_ request: Request) async throws -> Response {
        let (access, patient) = try await own(request, for: .write)
        guard let record = try await DiaryStore(database: request.db, now: request.now).entry(request.parameters.get("entryID", as: UUID.self), patientID: patient.requireID()),
              let id = record.id else { throw Abort(.notFound) }
        return try await save(request, access: access, patient: patient, existing: record, action: SiteRoute.myDiaryEdit.path(entry: id))
    }

    func show(_ request: Request) async throws -> View {
        let (_, patient) = try await own(request, for: .read)
        guard let record = try await DiaryStore(database: request.db, now: request.now).entry(request.parameters.get("entryID", as: UUID.self), patientID: patient.requireID()),
              let entry = DiaryStore.decode(record) else { throw Abort(.notFound) }
        let enabled = try await DiaryStore(database: request.db, now: request.now).promptsEnabled(patient: patient)
        return try await DiaryEntryPage.render(request, patient: patient, record: record, entry: entry, promptsEnabled: enabled.clinic && enabled.patient)
    }

    func delete(_ request: Request) async throws -> Response {
        let (_, patient) = try await own(request, for: .write)
        guard let record = try await DiaryStore(database: request.db, now: request.now).entry(request.parameters.get("entryID", as: UUID.self), patientID: patient.requireID()) else { throw Abort(.notFound) }
        try await DiaryStore(database: request.db, now: request.now).delete(record)
        return request.redirect(to: SiteRoute.myDiary.path + "?deleted=1")
    }

    func prompts(_ request: Request) async throws -> Response {
        let (_, patient) = try await own(request, for: .write)
        struct Form: Content { var enabled: String? }
        let form = try request.form(Form.self)
        try await DiaryStore(database: request.db, now: request.now).setPrompts(form.enabled == "on", scope: "patient", subjectID: patient.requireID())
        return request.redirect(to: SiteRoute.myDiary.path)
    }

    // MARK: - Helpers

    /// The signed-in patient's record through the door. Diary writes and reads are audited as
    /// private-diary accesses; which entries a therapist sees is decided by the entry's visibility.
    private func own(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, Patient) {
        let access = try request.patientAccess()
        return (access, try await access.ownPatient(for: action, kind: .privateDiaryEntry))
    }

    private func save(_ request: Request, access: PatientAccess, patient: Patient, existing: DiaryEntryRecord?, action: String) async throws -> Response {
        let fields = try request.form([String: String].self)
        let form = DiaryForm(fields)
        guard let key = form.key else { throw Abort(.badRequest) }
        let (entry, formProblems) = form.entry()
        var errors = formProblems
        for error in entry.validationErrors where !(form.isDraft && error.problem == .required) {
            errors[error.field.rawValue] = errors[error.field.rawValue] ?? DiaryProblemText.text(error)
        }
        if !errors.isEmpty {
            let view = try await DiaryFormPage.render(request, form: form, errors: errors, action: action)
            return try await view.encodeResponse(status: .badRequest, for: request)
        }
        let record = try await DiaryStore(database: request.db, now: request.now).save(entry, draft: form.isDraft, key: key, patientID: patient.requireID(), author: access.user.id, existing: existing)
        let id = try record.requireID()
        if form.isDraft { return request.redirect(to: SiteRoute.myDiary.path) }
        let risk = RiskLanguageScreen().screen(DiaryAnalyzerText(entry: entry).text)
        if risk.routeToSafety {
            try await RiskAlerts(request: request).raise(patientID: patient.requireID(), source: .diary, sourceID: id, instrumentID: nil,
                                                        ruleIDs: Array(Set(risk.matches.map(\.rule))).sorted(), level: .high, raisedBy: access)
        }
        return request.redirect(to: SiteRoute.myDiaryEntry.path(entry: id))
    }
}
