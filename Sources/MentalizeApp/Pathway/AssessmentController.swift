import Fluent
import MentalizeCore
import Vapor

/// The assessment record: diagnostic interviews, risk assessments and the suitability checklist
/// that the team's suitability decision depends on. Staff-only structured clinical records
/// (`clinicalEvent` in the policy): the caseload therapist writes, the supervisor reads.
struct AssessmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.patientAssessment, use: page)
        try routes.post(.patientInterviews, use: addInterview)
        try routes.post(.patientRiskAssessments, use: addRisk)
        try routes.post(.patientChecklist, use: saveChecklist)
    }

    func page(_ request: Request, _ authorised: AuthorisedPatient) async throws -> View {
        let access = authorised.access
        let patient = authorised.patient
        return try await AssessmentPage.render(request, access: access, patient: patient)
    }

    func addInterview(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let (access, patient) = (authorised.access, authorised.patient)
        let form = try request.form(InterviewForm.self)
        let problems = form.problems(today: request.now)
        guard problems.isEmpty, let kind = DiagnosticInterview(rawValue: form.interview.trimmed) else {
            return try await AssessmentPage.render(request, access: access, patient: patient, problems: problems, interview: form).encodeResponse(status: .badRequest, for: request)
        }
        let record = DiagnosticInterviewRecord()
        record.$patient.id = try patient.requireID()
        record.interview = kind.rawValue
        record.interviewName = kind == .other ? form.interviewName.trimmed : ""
        (record.conductedOn, record.assessor, record.criteriaMet, record.outcome) = (form.conductedOn.trimmed, form.assessor.trimmed, form.criteria, form.outcome.trimmed)
        (record.$recordedBy.id, record.recordedAt) = (access.user.id, request.now)
        try await record.create(on: request.db)
        return try redirect(request, patient)
    }

    func addRisk(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let (access, patient) = (authorised.access, authorised.patient)
        let form = try request.form(RiskForm.self)
        let problems = form.problems(today: request.now)
        guard problems.isEmpty else {
            return try await AssessmentPage.render(request, access: access, patient: patient, problems: problems, risk: form).encodeResponse(status: .badRequest, for: request)
        }
        let record = RiskAssessmentRecord()
        record.$patient.id = try patient.requireID()
        (record.assessedOn, record.assessor, record.level, record.summary) = (form.assessedOn.trimmed, form.assessor.trimmed, form.level.trimmed, form.summary.trimmed)
        (record.$recordedBy.id, record.recordedAt) = (access.user.id, request.now)
        try await record.create(on: request.db)
        return try redirect(request, patient)
    }

    func saveChecklist(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let (access, patient) = (authorised.access, authorised.patient)
        let form = try request.form(ChecklistForm.self)
        let problems = form.problems()
        guard problems.isEmpty else {
            return try await AssessmentPage.render(request, access: access, patient: patient, problems: problems).encodeResponse(status: .badRequest, for: request)
        }
        let record = SuitabilityChecklistRecord()
        record.$patient.id = try patient.requireID()
        (record.exclusions, record.contraindications) = (form.checklist.storedExclusions, form.checklist.storedContraindications)
        (record.$recordedBy.id, record.recordedAt) = (access.user.id, request.now)
        try await record.create(on: request.db)
        return try redirect(request, patient)
    }

    private func redirect(_ request: Request, _ patient: Patient) throws -> Response {
        request.redirect(to: SiteRoute.patientAssessment.path(patient: try patient.requireID()))
    }
}
