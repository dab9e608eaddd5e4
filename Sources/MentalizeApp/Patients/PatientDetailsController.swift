import Fluent
import MentalizeCore
import Vapor

/// A patient's registration details: identifier, contact, language, emergency contact, GP,
/// programme type and carer. Everyone who may read the patient's demographics reads them; the
/// caseload therapist edits them (a demographics write).
struct PatientDetailsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patientDetails, use: page)
        try routes.post(.patientDetailsSave, use: save)
    }

    func page(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        let patient = authorised.patient
        return try await render(request, access: access, patient: patient, form: nil, problems: [])
    }

    func save(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let form = try request.form(PatientDetailsForm.self)
        let store = PatientDetailsStore(database: request.db)
        let problems = form.problems(types: try await store.programmeTypes(), dateOfBirth: patient.dateOfBirth, today: request.now)
        guard problems.isEmpty else {
            return try await render(request, access: access, patient: patient, form: form, problems: problems).encodeResponse(status: .badRequest, for: request)
        }
        if try await store.identifierTaken(form, otherThan: patientID), let type = form.identifier?.type {
            return try await render(request, access: access, patient: patient, form: form, problems: ["details.error.identifierTaken.\(type.rawValue)"])
                .encodeResponse(status: .conflict, for: request)
        }
        let (userID, now) = (access.user.id, request.now)
        try await request.db.transaction { db in
            try await PatientDetailsStore(database: db).save(form, patientID: patientID, by: userID, at: now)
        }
        return request.redirect(to: SiteRoute.patient.path(patient: patientID))
    }

    private func render(_ request: Request, access: PatientAccess, patient: Patient, form: PatientDetailsForm?, problems: [String]) async throws -> View {
        let patientID = try patient.requireID()
        let store = PatientDetailsStore(database: request.db)
        let details = try await store.details(patientID: patientID)
        let identifiers = try await store.identifiers(patientID: patientID)
        let form = form ?? PatientDetailsForm(details, identifier: identifiers.first)
        let context = PatientDetailsContext(
            page: PageChrome(titleKey: "details.title", request: request), csrfToken: request.csrfToken,
            name: patient.displayName, patientPath: SiteRoute.patient.path(patient: patientID),
            summary: DetailsSummary(details, identifiers: identifiers),
            canWrite: try await access.allows(.write, .demographics, patientID: patientID),
            detailsForm: form, problems: problems, choices: PatientDetailsChoices(try await store.programmeTypes(), form: form),
            action: SiteRoute.patientDetailsSave.path(patient: patientID)
        )
        return try await request.view.render("patient-details", context)
    }
}

/// A patient's details as the chart and the details page show them.
struct DetailsSummary: Encodable {
    struct Identifier: Encodable {
        let typeKey: String
        let value: String
    }

    let programmeType: String?
    let involvesCarer: Bool
    let identifiers: [Identifier]
    let phone: String
    let email: String
    let address: String
    let preferredLanguage: String
    let emergencyContact: String
    let gp: String
    let carer: String
    let carerSessionKeys: [String]

    init(_ details: PatientDetails?, identifiers: [PatientIdentifierRecord]) {
        programmeType = details?.programmeType?.name
        involvesCarer = details?.programmeType?.involvesCarer ?? false
        self.identifiers = identifiers.map { Identifier(typeKey: "details.identifier.\($0.type)", value: $0.value) }
        phone = details?.phone ?? ""
        email = details?.email ?? ""
        address = details?.address ?? ""
        preferredLanguage = details?.preferredLanguage ?? ""
        emergencyContact = Self.joined([Self.person(details?.emergencyName, details?.emergencyRelationship), details?.emergencyPhone])
        gp = Self.joined([details?.gpName, details?.gpPractice, details?.gpPhone])
        carer = Self.person(details?.carerName, details?.carerRelationship)
        carerSessionKeys = (details?.carerSessions ?? "").split(separator: ",").map { "details.carerSession.\($0)" }
    }

    /// "Name (relationship)", or whichever part is known.
    private static func person(_ name: String?, _ relationship: String?) -> String {
        [name ?? "", (relationship ?? "").isEmpty ? "" : "(\(relationship ?? ""))"].filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func joined(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// What the details page shows.
struct PatientDetailsContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let summary: DetailsSummary
    let canWrite: Bool
    let detailsForm: PatientDetailsForm
    let problems: [String]
    let choices: PatientDetailsChoices
    let action: String
}
