import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `/me/training`: a clinician's own training ledger: the courses they completed (name, provider,
/// days, date, certificate reference, and which scheme's course it is), added and removed by
/// them, and their progress toward each shipped accreditation scheme, counted from the record
/// (courses, cases from attendance, supervision from the log, per case where the log linked the
/// case, rated clips). Each change is an audited write of their account
/// data saying what changed.
struct TrainingLedgerController: RouteCollection {
    /// The shipped schemes, read once (their course keys fill the form's choice).
    static let schemes = (try? AccreditationCatalog.loadBundled()) ?? []

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myTraining, use: page)
        try routes.post(.myTraining, use: add)
        try routes.post(.myTrainingCourseRemove, use: remove)
    }

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .supervisor])
        return try await render(request, userID: user.id, form: TrainingCourseForm(), problems: [], status: .ok)
    }

    func add(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .supervisor])
        let form = try request.form(TrainingCourseForm.self)
        let today = try await request.clinicZone().localDate(of: request.now)
        let choices = TrainingCourseForm.courseChoices(Self.schemes)
        let problems = form.problems(today: today, knownKeys: Set(choices.map(\.key)))
        guard problems.isEmpty else { return try await render(request, userID: user.id, form: form, problems: problems, status: .badRequest) }
        let course = TrainingCourseRecord()
        course.$user.id = user.id
        course.name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        course.provider = (form.provider ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        course.days = Int(form.days ?? "") ?? 0
        course.completedOn = form.completedOn ?? ""
        course.certificateReference = (form.certificateReference ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        course.courseKey = (form.courseKey ?? "").isEmpty ? nil : form.courseKey
        course.recordedAt = request.now
        try await course.create(on: request.db)
        try await AccountAudit.record(request, actor: user, role: user.ownAccountRole, account: user.id, change: "training course added: \(course.name)")
        return request.redirect(to: SiteRoute.myTraining.path)
    }

    func remove(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .supervisor])
        guard let id = request.parameters.get("courseID", as: UUID.self),
              let course = try await TrainingLedgerStore(database: request.db).course(id, of: user.id) else { throw Abort(.notFound) }
        try await course.delete(on: request.db)
        try await AccountAudit.record(request, actor: user, role: user.ownAccountRole, account: user.id, change: "training course removed: \(course.name)")
        return request.redirect(to: SiteRoute.myTraining.path)
    }

    private func render(_ request: Request, userID: UUID, form: TrainingCourseForm, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let courses = try await TrainingLedgerStore(database: request.db).courses(of: userID)
        let choices = TrainingCourseForm.courseChoices(Self.schemes)
        let labels = Dictionary(choices.map { ($0.key, $0.label) }, uniquingKeysWith: { kept, _ in kept })
        let zone = try await request.clinicZone()
        let record = try await TrainingProgressQueries(database: request.db).record(of: userID, courses: courses)
        let context = TrainingLedgerContext(
            page: PageChrome(titleKey: "training.title", request: request), csrfToken: request.csrfToken, action: SiteRoute.myTraining.path,
            courses: courses.compactMap { course in
                course.id.map { id in
                    .init(name: course.name, provider: course.provider, days: course.days,
                          completed: (try? LocalDate(iso: course.completedOn)).map { zone.dayText($0, in: DisplayTime.language) } ?? course.completedOn,
                          certificate: course.certificateReference, countsAs: course.courseKey.flatMap { labels[$0] } ?? "",
                          removePath: SiteRoute.myTrainingCourseRemove.path(course: id))
                }
            },
            choices: choices.map { .init(key: $0.key, label: $0.label, selected: $0.key == form.courseKey) },
            form: form, problems: problems,
            schemes: Self.schemes.map { scheme in
                .init(name: scheme.name, source: scheme.source, evidencePath: SiteRoute.myTrainingEvidence.path(scheme: scheme.id), requirements: zip(scheme.requirements, scheme.progress(of: record)).map { requirement, progress in
                    .init(label: requirement.label, met: progress.met, text: RequirementProgressText.text(progress.detail))
                })
            })
        let response = try await request.view.render("my-training", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

/// What the training ledger page shows.
struct TrainingLedgerContext: Encodable {
    struct Course: Encodable {
        let name: String
        let provider: String
        let days: Int
        let completed: String
        let certificate: String
        /// The scheme course it counts as, in words; empty when none.
        let countsAs: String
        let removePath: String
    }

    struct Choice: Encodable {
        let key: String
        let label: String
        let selected: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let action: String
    let courses: [Course]
    let choices: [Choice]
    let form: TrainingCourseForm
    let problems: [String]
    let schemes: [Scheme]

    /// Progress toward one accreditation scheme.
    struct Scheme: Encodable {
        let name: String
        let source: String
        let evidencePath: String
        let requirements: [Requirement]
    }

    struct Requirement: Encodable {
        let label: String
        let met: Bool
        let text: String
    }
}
