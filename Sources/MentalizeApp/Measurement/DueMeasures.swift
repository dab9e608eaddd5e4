import Fluent
import MentalizeCore
import Vapor

/// The questionnaires a patient can fill in now (due or overdue, with complete patient-facing
/// texts), after bringing their plan assignments up to date. Access was checked by the caller.
enum DueMeasures {
    static func list(_ request: Request, patient: Patient) async throws -> [MyMeasuresContext.Due] {
        let settings = try request.application.measurement
        try await AssignmentSync(database: request.db, settings: settings, now: request.now).sync(patient)
        let texts = InstrumentTexts(database: request.db, catalog: settings.catalog)
        var due: [MyMeasuresContext.Due] = []
        for assignment in try await MeasureAssignment.query(on: request.db).filter(\.$patient.$id == patient.requireID())
            .filter(\.$completedAt == nil).filter(\.$cancelledAt == nil).sort(\.$dueAt).all() {
            let status = settings.window.status(dueAt: assignment.dueAt, now: request.now, completed: false)
            guard status.isOpen, let definition = try await texts.patientFacing(assignment.instrumentID), let id = assignment.id else { continue }
            due.append(.init(title: definition.title, dueOn: String(DisplayTime.minute(assignment.dueAt).prefix(10)), overdue: status == .overdue,
                             startPath: SiteRoute.myMeasureStart.path(["assignmentID": id.uuidString]),
                             questions: ResponseProgress(definition: definition, answers: [:]).questions.count))
        }
        return due
    }
}
