import Fluent
import MentalizeCore
import Vapor

/// Registering a new patient with their referral. A therapist who registers a patient takes them
/// on their caseload; a programme lead registers unassigned patients for the care-team page. A
/// patient with the same name and date of birth triggers a warning that must be confirmed; an NHS
/// number or BSN already on file is refused outright (it belongs to one person).
struct RegistrationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.newPatient, use: page)
        try routes.post(.newPatient, use: register)
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.therapist, .programmeLead])
        var details = PatientDetailsForm()
        details.programmeType = ProgrammeType.adultID.uuidString
        return try await render(request, form: RegistrationForm(), details: details, problems: [], duplicate: false)
    }

    func register(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .programmeLead])
        let form = try request.form(RegistrationForm.self)
        let details = try request.form(PatientDetailsForm.self)
        let store = PatientDetailsStore(database: request.db)
        let fields = form.cleaned
        let problems = form.problems(today: request.now) + details.problems(types: try await store.programmeTypes(),
                                                                        dateOfBirth: FormCheck.isPastDate(fields.dateOfBirth, today: request.now) ? fields.dateOfBirth : nil, today: request.now)
        guard problems.isEmpty else {
            return try await render(request, form: form, details: details, problems: problems, duplicate: false).encodeResponse(status: .badRequest, for: request)
        }
        if try await store.identifierTaken(details, otherThan: nil), let type = details.identifier?.type {
            return try await render(request, form: form, details: details, problems: ["details.error.identifierTaken.\(type.rawValue)"], duplicate: false)
                .encodeResponse(status: .conflict, for: request)
        }
        if form.confirmDuplicate != "on", try await isDuplicate(fields, on: request.db) {
            return try await render(request, form: form, details: details, problems: [], duplicate: true).encodeResponse(status: .conflict, for: request)
        }
        let clinicID = try await AccountService(database: request.db, hasher: request.application.passwordHasher,
                                                passwordPolicy: try request.application.passwordPolicy, now: request.now).onlyClinicID()
        let asTherapist = user.roles.contains(Role.therapist.rawValue)
        let patient = Patient(clinicID: clinicID, givenName: fields.givenName, familyName: fields.familyName, dateOfBirth: fields.dateOfBirth,
                              phase: ProgrammeStatus.inPhase(.referral).storageValue, userID: nil)
        let now = request.now
        try await request.db.transaction { db in
            try await patient.create(on: db)
            let patientID = try patient.requireID()
            try await Referral(patientID: patientID, source: fields.source, receivedOn: fields.receivedOn, reason: fields.reason, urgency: fields.urgency, createdBy: user.id).create(on: db)
            if asTherapist {
                try await CaseloadAssignmentRecord(therapistID: user.id, patientID: patientID, startsAt: now).create(on: db)
            }
            try await PatientDetailsStore(database: db).save(details, patientID: patientID, by: user.id, at: now)
        }
        let patientID = try patient.requireID()
        try await request.recordAudit([AuditEntry(actorID: user.id, actorRole: asTherapist ? .therapist : .programmeLead, patientID: patientID,
                                                                  recordType: "registration", recordID: patientID.uuidString, action: .write, outcome: .allowed,
                                                                  requestID: request.requestID, breakGlass: false)])
        return request.redirect(to: SiteRoute.patient.path(patient: patientID))
    }

    /// True when a patient with the same names and date of birth exists (the warning says only that).
    private func isDuplicate(_ fields: RegistrationForm.Cleaned, on db: any Database) async throws -> Bool {
        try await PatientQueries(database: db).nameAndBirthDateTaken(givenName: fields.givenName, familyName: fields.familyName, dateOfBirth: fields.dateOfBirth)
    }

    private func render(_ request: Request, form: RegistrationForm, details: PatientDetailsForm, problems: [String], duplicate: Bool) async throws -> View {
        let types = try await PatientDetailsStore(database: request.db).programmeTypes()
        let context = RegistrationContext(page: PageChrome(titleKey: "register.title", request: request), csrfToken: request.csrfToken,
                                          action: SiteRoute.newPatient.path, form: form, detailsForm: details, choices: PatientDetailsChoices(types, form: details),
                                          problems: problems, duplicate: duplicate, urgencies: RegistrationForm.urgencies)
        return try await request.view.render("register", context)
    }
}

/// What the registration template shows.
struct RegistrationContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let action: String
    let form: RegistrationForm
    let detailsForm: PatientDetailsForm
    let choices: PatientDetailsChoices
    let problems: [String]
    let duplicate: Bool
    let urgencies: [String]
}
