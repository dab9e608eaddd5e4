import Fluent
import MentalizeCore
import Vapor

/// The crisis plan: written with the patient by their therapist (every save is a new version),
/// read by the patient from a link in the header of every page they see, with the clinic's
/// helplines above it and a print layout.
struct CrisisPlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.crisisPlan, use: staffPage)
        try routes.post(.crisisPlanSave, use: save)
        try routes.get(.myCrisisPlan, use: patientPage)
    }

    /// The plan's sections, in the project's own words.
    struct Form: Content {
        var warningSigns: String?
        var whatICanDo: String?
        var peopleWhoHelp: String?
        var whatProfessionalsDo: String?
        var contacts: String?

        init(_ plan: CrisisPlanVersion? = nil) {
            warningSigns = plan?.warningSigns
            whatICanDo = plan?.whatICanDo
            peopleWhoHelp = plan?.peopleWhoHelp
            whatProfessionalsDo = plan?.whatProfessionalsDo
            contacts = plan?.contacts
        }

        var sections: [String] { [warningSigns, whatICanDo, peopleWhoHelp, whatProfessionalsDo, contacts].map { ($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines) } }
    }

    func staffPage(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        let patient = authorised.patient
        return try await renderStaff(request, access: access, patient: patient, form: nil, error: nil)
    }

    func save(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let form = try request.form(Form.self)
        let sections = form.sections
        guard sections.allSatisfy({ $0.count <= 4000 }), sections.contains(where: { !$0.isEmpty }) else {
            return try await renderStaff(request, access: access, patient: patient, form: form, error: "crisis.error.empty").encodeResponse(status: .badRequest, for: request)
        }
        let patientID = try patient.requireID()
        let latest = try await CrisisPlanQueries(database: request.db).latest(of: patientID)
        let version = CrisisPlanVersion()
        version.$patient.id = patientID
        version.version = (latest?.version ?? 0) + 1
        (version.warningSigns, version.whatICanDo, version.peopleWhoHelp, version.whatProfessionalsDo, version.contacts) = (sections[0], sections[1], sections[2], sections[3], sections[4])
        version.$writtenBy.id = access.user.id
        version.writtenAt = request.now
        try await version.create(on: request.db)
        return request.redirect(to: SiteRoute.crisisPlan.path(patient: patientID))
    }

    func patientPage(_ request: Request) async throws -> View {
        let access = try request.patientAccess()
        let patient = try await access.ownPatient(kind: .crisisPlan)
        let plan = try await CrisisPlanQueries(database: request.db).latest(of: try patient.requireID())
        let helplines = try await Helplines(database: request.db).lines(clinicID: patient.$clinic.id, language: request.language)
        let context = CrisisPlanContext(page: PageChrome(titleKey: "crisis.title", request: request), plan: plan.map(CrisisPlanContext.Plan.init),
                                        helplines: helplines)
        return try await request.view.render("my-crisis-plan", context)
    }

    private func renderStaff(_ request: Request, access: PatientAccess, patient: Patient, form: Form?, error: String?) async throws -> View {
        let patientID = try patient.requireID()
        let versions = try await CrisisPlanQueries(database: request.db).versions(of: patientID)
        let canWrite = try await access.allows(.write, .crisisPlan, patientID: patientID)
        let context = StaffCrisisPlanContext(
            page: PageChrome(titleKey: "crisis.title", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            plan: versions.first.map(CrisisPlanContext.Plan.init), versions: versions.map { .init(number: $0.version, when: DisplayTime.minute($0.writtenAt), author: $0.writtenBy.displayName, plan: .init($0)) },
            canWrite: canWrite, form: form ?? Form(versions.first), errorKey: error,
            action: SiteRoute.crisisPlanSave.path(patient: patientID), patientPath: SiteRoute.patient.path(patient: patientID)
        )
        return try await request.view.render("crisis-plan", context)
    }
}

/// What the patient's crisis-plan page shows.
struct CrisisPlanContext: Encodable {
    struct Plan: Encodable {
        let version: Int
        let updated: String
        let warningSigns: String
        let whatICanDo: String
        let peopleWhoHelp: String
        let whatProfessionalsDo: String
        let contacts: String

        init(_ plan: CrisisPlanVersion) {
            version = plan.version
            updated = DisplayTime.minute(plan.writtenAt)
            warningSigns = plan.warningSigns
            whatICanDo = plan.whatICanDo
            peopleWhoHelp = plan.peopleWhoHelp
            whatProfessionalsDo = plan.whatProfessionalsDo
            contacts = plan.contacts
        }
    }

    let page: PageChrome
    let plan: Plan?
    let helplines: [HelplineLine]
}

/// What the staff crisis-plan page shows.
struct StaffCrisisPlanContext: Encodable {
    /// One saved version, readable in full with who wrote it.
    struct Version: Encodable {
        let number: Int
        let when: String
        let author: String
        let plan: CrisisPlanContext.Plan
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let plan: CrisisPlanContext.Plan?
    let versions: [Version]
    let canWrite: Bool
    let form: CrisisPlanController.Form
    let errorKey: String?
    let action: String
    let patientPath: String
}
