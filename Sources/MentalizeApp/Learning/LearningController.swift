import Fluent
import MentalizeCore
import Vapor

/// MBT-I psychoeducation for patients: the modules open to them with their progress, each module
/// as a short page with an exercise, and "I've finished this one". Staff see a patient's progress
/// and unlock modules in step with the introductory group.
struct LearningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myLearning, use: list)
        try routes.get(.myModule, use: module)
        try routes.post(.myModuleDone, use: done)
        try routes.get(.patientLearning, use: staffPage)
        try routes.post(.patientLearningUnlock, use: unlock)
    }

    func list(_ request: Request) async throws -> View {
        let (_, patient) = try await own(request, for: .list)
        let lines = try await LearningPlan(database: request.db, library: try request.psychoeducation).lines(for: patient)
        let rows = lines.map { line in
            LearningContext.Row(order: line.module.order, title: line.module.title, summary: line.module.summary, open: line.open,
                                done: line.progress?.completedAt != nil, path: SiteRoute.myModule.path(module: line.module.id))
        }
        return try await request.view.render("my-learning", LearningContext(page: PageChrome(titleKey: "learning.title", request: request), rows: rows,
                                                                          doneCount: rows.filter(\.done).count, total: rows.count,
                                                                          notYetOpen: request.query[String.self, at: "notYet"] == "1"))
    }

    func module(_ request: Request) async throws -> Response {
        let moduleID = request.parameters.get("moduleID") ?? ""
        let patient = try await request.patientAccess().ownPatient(for: .read, kind: .measureResponse, recordID: LearningStore.auditRecordID(moduleID: moduleID))
        let plan = LearningPlan(database: request.db, library: try request.psychoeducation)
        guard let line = try await plan.lines(for: patient).first(where: { $0.module.id == moduleID }) else { throw Abort(.notFound) }
        // A module that opens later in the group (an old link, a typed address): say so on the list.
        guard line.open else { return request.redirect(to: SiteRoute.myLearning.path + "?notYet=1") }
        let context = ModuleContext(
            page: PageChrome(titleKey: "learning.moduleTitle", request: request), csrfToken: request.csrfToken, title: line.module.title, summary: line.module.summary,
            blocks: line.module.blocks.map { .init(heading2: $0.kind == .heading2, heading3: $0.kind == .heading3, paragraph: $0.kind == .paragraph, text: $0.text, items: $0.items) },
            exercise: line.module.exercise.prompt, reflection: line.module.exercise.reflection, done: line.progress?.completedAt != nil,
            donePath: SiteRoute.myModuleDone.path(module: line.module.id), listPath: SiteRoute.myLearning.path)
        return try await request.view.render("module", context).encodeResponse(for: request)
    }

    func done(_ request: Request) async throws -> Response {
        let (_, patient) = try await own(request, for: .write)
        let plan = LearningPlan(database: request.db, library: try request.psychoeducation)
        guard let line = try await plan.lines(for: patient).first(where: { $0.module.id == request.parameters.get("moduleID") }), line.open else { throw Abort(.notFound) }
        let progress = try await LearningStore(database: request.db).progress(patientID: patient.requireID(), moduleID: line.module.id)
        if progress.completedAt == nil {
            progress.completedAt = request.now
            try await progress.save(on: request.db)
        }
        return request.redirect(to: SiteRoute.myLearning.path)
    }

    func staffPage(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let lines = try await LearningPlan(database: request.db, library: try request.psychoeducation).lines(for: patient)
        let rows = lines.map { line in
            StaffLearningContext.Row(id: line.module.id, order: line.module.order, title: line.module.title, open: line.open, alwaysOpen: line.module.order == 1 || LearningPlan.pastIntroduction.contains(patient.phase),
                                     opened: line.opened.map(DisplayTime.minute), completed: line.progress?.completedAt.map(DisplayTime.minute))
        }
        let canUnlock = access.user.isStaff ? try await access.allows(.write, .measureResponse, patientID: patientID) : false
        return try await request.view.render("patient-learning", StaffLearningContext(
            page: PageChrome(titleKey: "learning.staffTitle", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            patientPath: SiteRoute.patient.path(patient: patientID), rows: rows, canUnlock: canUnlock,
            unlockPath: SiteRoute.patientLearningUnlock.path(patient: patientID)))
    }

    func unlock(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        struct Form: Content { var moduleID: String? }
        let form = try request.form(Form.self)
        let library = try request.psychoeducation
        guard let moduleID = form.moduleID, library.module(id: moduleID) != nil else { throw Abort(.badRequest, reason: "Choose a module to unlock.") }
        let progress = try await LearningStore(database: request.db).progress(patientID: patient.requireID(), moduleID: moduleID)
        if progress.unlockedAt == nil {
            (progress.$unlockedBy.id, progress.unlockedAt) = (access.user.id, request.now)
            try await progress.save(on: request.db)
        }
        return request.redirect(to: SiteRoute.patientLearning.path(patient: try patient.requireID()))
    }

    private func own(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, Patient) {
        let access = try request.patientAccess()
        return (access, try await access.ownPatient(for: action, kind: .measureResponse))
    }
}

/// The patient's module list.
struct LearningContext: Encodable {
    struct Row: Encodable {
        let order: Int
        let title: String
        let summary: String
        let open: Bool
        let done: Bool
        let path: String
    }

    let page: PageChrome
    let rows: [Row]
    let doneCount: Int
    let total: Int
    /// The patient tried to open a module that is not open for them yet.
    let notYetOpen: Bool
}

/// One module page.
struct ModuleContext: Encodable {
    struct Block: Encodable {
        let heading2: Bool
        let heading3: Bool
        let paragraph: Bool
        let text: String
        let items: [String]
    }

    let page: PageChrome
    let csrfToken: String
    let title: String
    let summary: String
    let blocks: [Block]
    let exercise: String
    let reflection: String?
    let done: Bool
    let donePath: String
    let listPath: String
}

/// A patient's modules for staff.
struct StaffLearningContext: Encodable {
    struct Row: Encodable {
        let id: String
        let order: Int
        let title: String
        let open: Bool
        let alwaysOpen: Bool
        let opened: String?
        let completed: String?
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let rows: [Row]
    let canUnlock: Bool
    let unlockPath: String
}
