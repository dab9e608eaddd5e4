import Fluent
import MentalizeCore
import Vapor

/// The patient's side of the case formulation: they read the latest version their therapist
/// shared, comment on it and agree to it (the agreement is kept per version, with its time).
/// Reading is a `formulation` read of their own record; comments and agreements are writes of
/// their own `formulationResponse` records, which the policy lets patients make.
struct MyFormulationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myFormulation, use: page)
        try routes.post(.myFormulation, use: respond)
    }

    /// Both forms on the page: `do` is `agree` (with the version read) or `comment` (with the text).
    struct ResponseForm: Content {
        var `do`: String?
        var version: Int?
        var text: String?
    }

    func page(_ request: Request) async throws -> View {
        let (_, patient) = try await ownPatient(request, for: .read, kind: .formulation)
        return try await render(request, patient: patient, error: nil, comment: nil)
    }

    func respond(_ request: Request) async throws -> Response {
        let (access, patient) = try await ownPatient(request, for: .write, kind: .formulationResponse)
        let form = try request.form(ResponseForm.self)
        return form.do == "agree" ? try await agree(request, access: access, patient: patient, form: form)
            : try await comment(request, access: access, patient: patient, form: form)
    }

    private func comment(_ request: Request, access: PatientAccess, patient: Patient, form: ResponseForm) async throws -> Response {
        let patientID = try patient.requireID()
        guard let version = try await FormulationQueries(database: request.db).latestShared(of: patientID) else { throw Abort(.notFound) }
        guard (1...2000).contains(form.text.trimmed.count) else {
            return try await render(request, patient: patient, error: "myFormulation.error.comment", comment: form.text).encodeResponse(status: .badRequest, for: request)
        }
        try await FormulationResponse(versionID: try version.requireID(), patientID: patientID, kind: FormulationResponse.comment, text: form.text.trimmed,
                                      userID: access.user.id, createdAt: request.now).create(on: request.db)
        return request.redirect(to: SiteRoute.myFormulation.path + "?sent=comment")
    }

    private func agree(_ request: Request, access: PatientAccess, patient: Patient, form: ResponseForm) async throws -> Response {
        let patientID = try patient.requireID()
        guard let version = try await FormulationQueries(database: request.db).latestShared(of: patientID) else { throw Abort(.notFound) }
        guard form.version == version.version else {
            // Agreement is to the version the patient read: a newer one may have been shared since.
            return try await render(request, patient: patient, error: "myFormulation.error.version", comment: nil).encodeResponse(status: .conflict, for: request)
        }
        let versionID = try version.requireID()
        let already = try await FormulationQueries(database: request.db).isAgreed(versionID: versionID)
        if !already {
            try await FormulationResponse(versionID: versionID, patientID: patientID, kind: FormulationResponse.agreement, text: "",
                                          userID: access.user.id, createdAt: request.now).create(on: request.db)
        }
        return request.redirect(to: SiteRoute.myFormulation.path)
    }

    private func ownPatient(_ request: Request, for action: AccessAction, kind: RecordKind) async throws -> (PatientAccess, Patient) {
        let access = try request.patientAccess()
        return (access, try await access.ownPatient(for: action, kind: kind))
    }

    private func render(_ request: Request, patient: Patient, error: String?, comment: String?) async throws -> View {
        let patientID = try patient.requireID()
        let formulations = FormulationQueries(database: request.db)
        let version = try await formulations.latestShared(of: patientID)
        let responses = try await formulations.responses(of: patientID).filter { $0.$version.id == version?.id }
        let agreement = responses.first { $0.kind == FormulationResponse.agreement }
        let context = MyFormulationContext(
            page: PageChrome(titleKey: "myFormulation.title", request: request), csrfToken: request.csrfToken,
            version: version.map { .init(number: $0.version, shared: DisplayTime.minute($0.sharedAt ?? $0.writtenAt), sections: FormulationSectionView.all($0)) },
            agreedAt: agreement.map { DisplayTime.minute($0.createdAt) },
            comments: responses.filter { $0.kind == FormulationResponse.comment }.map { .init(when: DisplayTime.minute($0.createdAt), text: $0.text) },
            errorKey: error, comment: comment ?? "", sent: request.query[String.self, at: "sent"] == "comment",
            action: SiteRoute.myFormulation.path,
            crisisPath: SiteRoute.myCrisisPlan.path
        )
        return try await request.view.render("my-formulation", context)
    }
}

/// What the patient's formulation page shows.
struct MyFormulationContext: Encodable {
    struct Version: Encodable {
        let number: Int
        let shared: String
        let sections: [FormulationSectionView]
    }

    struct Comment: Encodable {
        let when: String
        let text: String
    }

    let page: PageChrome
    let csrfToken: String
    let version: Version?
    let agreedAt: String?
    let comments: [Comment]
    let errorKey: String?
    let comment: String
    let sent: Bool
    let action: String
    let crisisPath: String
}
