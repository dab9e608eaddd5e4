import Fluent
import MentalizeCore
import Vapor

/// The questionnaires a patient can fill in now (due or overdue, with complete patient-facing
/// texts). Access was checked by the caller; assignments are made by ``AssignmentCatchUpJob``.
enum DueMeasures {
    static func list(_ request: Request, patient: Patient) async throws -> [MyMeasuresContext.Due] {
        let settings = try request.application.measurement
        let texts = InstrumentTexts(database: request.db, catalog: settings.catalog)
        var due: [MyMeasuresContext.Due] = []
        for assignment in try await open(patientID: patient.requireID(), window: settings.window, now: request.now, on: request.db) {
            let status = settings.window.status(dueAt: assignment.dueAt, now: request.now, completed: false)
            guard let definition = try await texts.patientFacing(assignment.instrumentID, language: request.language), let id = assignment.id else { continue }
            due.append(.init(title: definition.title, dueOn: DisplayTime.day(assignment.dueAt), overdue: status == .overdue,
                             startPath: SiteRoute.myMeasureStart.path(assignment: id),
                             questions: ResponseProgress(definition: definition, answers: [:]).questions.count))
        }
        return due
    }

    /// The patient's assignments that can be answered now (due or overdue, not expired, not done or
    /// cancelled), earliest first; only those of `instrumentID` when it is given.
    static func open(patientID: UUID, instrumentID: String? = nil, window: AssignmentWindow, now: Date, on database: any Database) async throws -> [MeasureAssignment] {
        try await MeasureQueries(database: database).openAssignments(patientID: patientID, instrumentID: instrumentID)
            .filter { window.status(dueAt: $0.dueAt, now: now, completed: false).isOpen }
    }
}
