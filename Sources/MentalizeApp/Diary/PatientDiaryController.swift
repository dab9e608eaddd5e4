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
        let patient = authorised.patient
        let entries = try await PatientDiaryPage.entries(DiaryStore(database: request.db, now: request.now), patientID: authorised.id, zone: try await request.clinicZone())
        let canFlag = try await authorised.access.allows(.write, .sessionNote, patientID: authorised.id)
        let context = PatientDiaryContext(page: PageChrome(titleKey: "diary.staffTitle", request: request), csrfToken: request.csrfToken,
                                          name: patient.displayName, patientPath: SiteRoute.patient.path(patient: authorised.id),
                                          entries: entries, canFlag: canFlag, flagPath: SiteRoute.patientDiaryFlags.path(patient: authorised.id))
        return try await request.view.render("patient-diary", context)
    }

    /// Marks (or unmarks) a shared entry to bring to the next session: session planning, so it
    /// is a session-note write for the patient's therapist.
    func flag(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        struct Form: Content { var entryID: UUID?; var flagged: String? }
        let form = try request.form(Form.self)
        let store = DiaryStore(database: request.db, now: request.now)
        guard let entryID = form.entryID,
              try await store.setBrought(form.flagged == "on", entryID: entryID, patientID: authorised.id, therapistID: authorised.access.user.id) else {
            throw Abort(.badRequest, reason: "Choose a shared entry.")
        }
        return request.redirect(to: SiteRoute.patientDiary.path(patient: authorised.id))
    }
}
