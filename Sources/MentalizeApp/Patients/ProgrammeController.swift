import Fluent
import MentalizeCore
import Vapor

/// Moving a patient along the MBT pathway and recording the team's suitability decision. Both are
/// writes through the access gateway; refused moves come back on the patient page with the reason.
struct ProgrammeController: RouteCollection {
    static let minimumReasonLength = 5

    func boot(routes: any RoutesBuilder) throws {
        try routes.post(.patientProgramme, use: move)
        try routes.post(.patientSuitability, use: decide)
    }

    struct MoveForm: Content {
        var target: String?
        var reason: String?
    }

    struct DecisionForm: Content {
        var decision: String?
        var reasons: String?
        /// The staff present at the team (MDT) meeting, one name per line.
        var participants: String?
    }

    func move(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let form = try request.form(MoveForm.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let target = form.target.flatMap(ProgrammeStatus.init(storageValue:)), reason.count >= Self.minimumReasonLength, reason.count <= 2000 else {
            return try await PatientPage.render(request, access: access, patient: patient, error: "programme.error.form", status: .badRequest)
        }
        guard let current = ProgrammeStatus(storageValue: patient.phase) else { throw Abort(.internalServerError) }
        let facts = PathwayFacts(suitability: try await ProgrammeQueries(database: request.db).latestDecision(for: patientID).flatMap { SuitabilityDecision(rawValue: $0.decision) })
        do {
            try ProgrammePathway.check(from: current, to: target, facts: facts)
        } catch {
            return try await PatientPage.render(request, access: access, patient: patient, error: PathwayRefusalText.text(error), status: .conflict)
        }
        let now = request.now
        try await request.db.transaction { db in
            patient.phase = target.storageValue
            try await patient.update(on: db)
            try await ProgrammeTransitionRecord(patientID: patientID, fromStatus: current.storageValue, toStatus: target.storageValue, occurredAt: now, reason: reason, decidedBy: access.user.id).create(on: db)
        }
        // Treatment may start before its consent is recorded (it may be on paper), but not unnoticed.
        if target == .inPhase(.treatment), try await !ConsentSummary.treatmentConsentGiven(patientID, on: request.db) {
            return request.redirect(to: SiteRoute.patient.path(patient: patientID) + "?warning=treatment-consent")
        }
        return request.redirect(to: SiteRoute.patient.path(patient: patientID))
    }

    func decide(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let patientID = try patient.requireID()
        let form = try request.form(DecisionForm.self)
        let reasons = form.reasons.trimmed
        let participants = form.participants.trimmed
        guard let decision = form.decision.flatMap(SuitabilityDecision.init(rawValue:)), reasons.count >= Self.minimumReasonLength, reasons.count <= 4000,
              (2...1000).contains(participants.count) else {
            return try await PatientPage.render(request, access: access, patient: patient, error: "programme.error.decision", status: .badRequest)
        }
        let checklist = try await AssessmentQueries(database: request.db).latestChecklist(of: patientID)
        do {
            try SuitabilityRules.check(decision, checklist: checklist.map { SuitabilityChecklist(storedExclusions: $0.exclusions, storedContraindications: $0.contraindications) })
        } catch {
            return try await PatientPage.render(request, access: access, patient: patient, error: PathwayRefusalText.text(error), status: .conflict)
        }
        let record = SuitabilityDecisionRecord(patientID: patientID, decision: decision.rawValue, reasons: reasons, decidedAt: request.now, decidedBy: access.user.id)
        try await request.db.transaction { db in
            try await record.create(on: db)
            try await MDTParticipantsRecord(decisionID: try record.requireID(), participants: participants).create(on: db)
        }
        return request.redirect(to: SiteRoute.patient.path(patient: patientID))
    }
}
