import Fluent
import MentalizeCore
import Vapor

/// The case formulation on the staff side: the therapist drafts and saves versions (every save is
/// kept), shares a version with the patient, reads the patient's comments and agreements, and
/// compares any two versions.
struct FormulationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.formulation, use: page)
        try routes.post(.formulationSave, use: save)
        try routes.post(.formulationShare, use: share)
        try routes.get(.formulationCompare, use: compare)
    }

    func page(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        // Drafts are the therapist's: the patient reads shared versions on their own page.
        let patient = authorised.patient
        return try await render(request, access: access, patient: patient, form: nil, problems: [])
    }

    func save(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let form = try request.form(FormulationForm.self)
        let problems = form.problems()
        guard problems.isEmpty else {
            return try await render(request, access: access, patient: patient, form: form, problems: problems).encodeResponse(status: .badRequest, for: request)
        }
        let latest = try await FormulationQueries(database: request.db).latest(of: patientID)
        try await form.version(patientID: patientID, number: (latest?.version ?? 0) + 1, by: access.user.id, at: request.now).create(on: request.db)
        return request.redirect(to: SiteRoute.formulation.path(patient: patientID))
    }

    /// Shares a saved version with the patient as it stands (a draft need not be saved again).
    func share(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        guard let number = request.parameters.get("number", as: Int.self),
              let version = try await FormulationQueries(database: request.db).version(number, of: patientID) else {
            return try await render(request, access: access, patient: patient, form: nil, problems: ["formulation.error.noSuchVersion"]).encodeResponse(status: .badRequest, for: request)
        }
        if version.sharedAt == nil {
            version.sharedAt = request.now
            try await version.save(on: request.db)
        }
        return request.redirect(to: SiteRoute.formulation.path(patient: patientID))
    }

    func compare(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let versions = try await FormulationQueries(database: request.db).versions(of: patientID)
        let (older, newer) = Self.pair(versions, from: request.query[Int.self, at: "from"], to: request.query[Int.self, at: "to"])
        var sections: [FormulationCompareContext.Section] = []
        if let older, let newer {
            for section in FormulationSection.allCases {
                let segments = TextDiff.compare(older.comparableText(section), newer.comparableText(section))
                sections.append(.init(key: "formulation.section.\(section.rawValue)", segments: segments.map { .init(change: $0.change.rawValue, text: $0.text) }))
            }
        }
        let context = FormulationCompareContext(
            page: PageChrome(titleKey: "formulation.compareTitle", request: request), name: patient.displayName,
            formulationPath: SiteRoute.formulation.path(patient: patientID), action: SiteRoute.formulationCompare.path(patient: patientID),
            numbers: versions.map(\.version), from: older?.version ?? 0, to: newer?.version ?? 0, sections: sections
        )
        return try await request.view.render("formulation-compare", context)
    }

    private func render(_ request: Request, access: PatientAccess, patient: Patient, form: FormulationForm?, problems: [String]) async throws -> View {
        let patientID = try patient.requireID()
        let formulations = FormulationQueries(database: request.db)
        let versions = try await formulations.versions(of: patientID)
        let mayReadResponses = try await access.allows(.read, .formulationResponse, patientID: patientID)
        let responses = mayReadResponses ? try await formulations.responses(of: patientID) : []
        let numbers = Dictionary(versions.compactMap { version in version.id.map { ($0, version.version) } }, uniquingKeysWith: max)
        let form = form ?? FormulationForm(versions.first)
        let context = StaffFormulationContext(
            page: PageChrome(titleKey: "formulation.title", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            patientPath: SiteRoute.patient.path(patient: patientID),
            latest: versions.first.map { .init(number: $0.version, when: DisplayTime.minute($0.writtenAt), shared: $0.sharedAt != nil, sections: FormulationSectionView.all($0),
                                               sharePath: SiteRoute.formulationShare.path(patient: patientID, version: $0.version)) },
            versions: versions.map { version in
                let agreement = responses.first { $0.$version.id == version.id && $0.kind == FormulationResponse.agreement }
                return .init(number: version.version, when: DisplayTime.minute(version.writtenAt), by: version.writtenBy.displayName,
                             shared: version.sharedAt.map(DisplayTime.minute), agreed: agreement.map { DisplayTime.minute($0.createdAt) })
            },
            comments: responses.filter { $0.kind == FormulationResponse.comment }.map { .init(version: numbers[$0.$version.id] ?? 0, when: DisplayTime.minute($0.createdAt), text: $0.text) },
            canWrite: try await access.allows(.write, .formulation, patientID: patientID), form: form,
            modes: PrementalizingMode.allCases.map { mode in .init(key: mode.rawValue, checked: (form.modes ?? []).contains(mode.rawValue)) },
            sections: FormulationSection.allCases.map { .init(key: $0.rawValue, field: Self.field($0), text: form.text($0)) },
            problems: problems, action: SiteRoute.formulationSave.path(patient: patientID),
            comparePath: SiteRoute.formulationCompare.path(patient: patientID)
        )
        return try await request.view.render("formulation", context)
    }

    /// The two versions to compare: the ones asked for, else the latest and the one before it.
    static func pair(_ versions: [FormulationVersion], from: Int?, to: Int?) -> (FormulationVersion?, FormulationVersion?) {
        let newer = to.flatMap { number in versions.first { $0.version == number } } ?? versions.first
        let older = from.flatMap { number in versions.first { $0.version == number } } ?? newer.flatMap { newer in versions.first { $0.version < newer.version } }
        return (older, newer)
    }

    /// The form field of a section.
    static func field(_ section: FormulationSection) -> String {
        switch section {
        case .presentingProblems: "presentingProblems"
        case .relationalPatterns: "relationalPatterns"
        case .breakdowns: "breakdowns"
        case .attachmentStrategies: "attachmentStrategies"
        case .strengths: "strengths"
        case .treatmentGoals: "treatmentGoals"
        }
    }
}

/// What the staff formulation page shows.
struct StaffFormulationContext: Encodable {
    struct Latest: Encodable {
        let number: Int
        let when: String
        let shared: Bool
        let sections: [FormulationSectionView]
        /// Where to share this version as it stands.
        let sharePath: String
    }

    struct Version: Encodable {
        let number: Int
        let when: String
        let by: String
        let shared: String?
        let agreed: String?
    }

    struct Comment: Encodable {
        let version: Int
        let when: String
        let text: String
    }

    struct Mode: Encodable {
        let key: String
        let checked: Bool
    }

    struct Field: Encodable {
        let key: String
        let field: String
        let text: String
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let latest: Latest?
    let versions: [Version]
    let comments: [Comment]
    let canWrite: Bool
    let form: FormulationForm
    let modes: [Mode]
    let sections: [Field]
    let problems: [String]
    let action: String
    let comparePath: String
}

/// What the comparison page shows: each section's word diff between two versions.
struct FormulationCompareContext: Encodable {
    struct Segment: Encodable {
        let change: String
        let text: String
    }

    struct Section: Encodable {
        let key: String
        let segments: [Segment]
    }

    let page: PageChrome
    let name: String
    let formulationPath: String
    let action: String
    let numbers: [Int]
    let from: Int
    let to: Int
    let sections: [Section]
}
