import Fluent
import MentalizeCore
import Vapor

/// Renders a patient's overview: details, care team, programme status with its history and the
/// latest suitability decision, and (for those who may write) the forms to change them. Reading
/// the patient was already authorised and audited by the caller.
enum PatientPage {
    static func render(_ request: Request, access: PatientAccess, patient: Patient, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let patientID = try patient.requireID()
        let team = try await PatientQueries(database: request.db).careTeam(of: patientID, now: request.now)
        let programme = ProgrammeQueries(database: request.db)
        let history = try await programme.history(for: patientID)
        let decision = try await programme.latestDecision(for: patientID)
        let current = ProgrammeStatus(storageValue: patient.phase)
        let canWrite = try await access.allows(.write, .demographics, patientID: patientID)
        let canReadFreeText = try await access.allows(.read, .formulation, patientID: patientID)
        // The referral reason is free text: shown only to those who may read free-text clinical records.
        let referral = try await Referral.query(on: request.db).filter(\.$patient.$id == patientID).sort(\.$receivedOn, .descending).first()
        var targets: [PatientOverviewContext.Choice] = []
        if canWrite, case .inPhase(let phase) = current {
            targets = ProgrammePathway.nextPhases(after: phase).map { ProgrammeStatus.inPhase($0) }.map(PatientOverviewContext.Choice.init)
                + ProgrammePathway.exits(during: phase).map { ProgrammeStatus.exited($0) }.map(PatientOverviewContext.Choice.init)
        }
        var context = PatientOverviewContext(
            page: PageChrome(titleKey: "patient.title", request: request), csrfToken: request.csrfToken, patient: patient, careTeam: team,
            status: current?.displayName ?? patient.phase,
            history: history.map { .init(when: DisplayTime.minute($0.occurredAt), from: ProgrammeStatus(storageValue: $0.fromStatus)?.displayName ?? $0.fromStatus,
                                         to: ProgrammeStatus(storageValue: $0.toStatus)?.displayName ?? $0.toStatus, reason: $0.reason, by: $0.decidedBy.displayName) },
            decision: decision.map { .init(decision: $0.decision == SuitabilityDecision.suitable.rawValue ? "programme.suitable" : "programme.notSuitable",
                                           reasons: $0.reasons, by: $0.decidedBy.displayName, when: DisplayTime.minute($0.decidedAt)) },
            referral: referral.map { .init(source: $0.source, receivedOn: $0.receivedOn, urgencyKey: "urgency.\($0.urgency)", reason: canReadFreeText ? $0.reason : nil) },
            canWrite: canWrite, targets: targets,
            errorKey: error.flatMap { $0.hasPrefix("programme.") ? $0 : nil }, errorText: error.flatMap { $0.hasPrefix("programme.") ? nil : $0 },
            movePath: SiteRoute.patientProgramme.path(["patientID": patientID.uuidString]),
            decisionPath: SiteRoute.patientSuitability.path(["patientID": patientID.uuidString]),
            crisisPlanPath: SiteRoute.crisisPlan.path(["patientID": patientID.uuidString]),
            measuresPath: try await access.allows(.read, .measureResponse, patientID: patientID) ? SiteRoute.patientMeasures.path(["patientID": patientID.uuidString]) : nil,
            consents: try await ConsentSummary.lines(for: patientID, on: request.db),
            consentPath: SiteRoute.patientConsents.path(["patientID": patientID.uuidString])
        )
        context.sessionsPath = try await access.allows(.read, .sessionNote, patientID: patientID) ? SiteRoute.patientSessions.path(["patientID": patientID.uuidString]) : nil
        let response = try await request.view.render("patient", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

/// What the patient overview shows.
struct PatientOverviewContext: Encodable {
    struct Step: Encodable {
        let when: String
        let from: String
        let to: String
        let reason: String
        let by: String
    }

    struct Decision: Encodable {
        let decision: String
        let reasons: String
        let by: String
        let when: String
    }

    struct ReferralSummary: Encodable {
        let source: String
        let receivedOn: String
        let urgencyKey: String
        let reason: String?
    }

    struct Choice: Encodable {
        let value: String
        let label: String

        init(_ status: ProgrammeStatus) {
            value = status.storageValue
            label = status.displayName
        }
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let dateOfBirth: String
    let careTeam: [String]
    let status: String
    let history: [Step]
    let decision: Decision?
    let referral: ReferralSummary?
    let canWrite: Bool
    let targets: [Choice]
    let errorKey: String?
    let errorText: String?
    let movePath: String
    let decisionPath: String
    let crisisPlanPath: String
    let measuresPath: String?
    /// The patient's sessions, for staff who may read session notes.
    var sessionsPath: String?
    let consents: [ConsentSummary.Line]
    let consentPath: String

    init(page: PageChrome, csrfToken: String, patient: Patient, careTeam: [String], status: String, history: [Step], decision: Decision?,
         referral: ReferralSummary?, canWrite: Bool, targets: [Choice], errorKey: String?, errorText: String?, movePath: String, decisionPath: String, crisisPlanPath: String, measuresPath: String?,
         consents: [ConsentSummary.Line], consentPath: String) {
        self.page = page
        self.csrfToken = csrfToken
        self.name = "\(patient.givenName) \(patient.familyName)"
        self.dateOfBirth = patient.dateOfBirth
        self.careTeam = careTeam
        self.status = status
        self.history = history
        self.decision = decision
        self.referral = referral
        self.canWrite = canWrite
        self.targets = targets
        self.errorKey = errorKey
        self.errorText = errorText
        self.movePath = movePath
        self.decisionPath = decisionPath
        self.crisisPlanPath = crisisPlanPath
        self.measuresPath = measuresPath
        self.consents = consents
        self.consentPath = consentPath
    }
}
