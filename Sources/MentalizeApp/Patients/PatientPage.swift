import Fluent
import MentalizeCore
import Vapor

/// Renders the patient chart: details, care team, programme status with its history, assessment,
/// formulation and crisis-plan status, events, measures, consents and (for those who may write)
/// the forms to move the programme and record decisions. Reading the patient was already
/// authorised and audited by the caller (one event per view); each section is shown only when the
/// policy lets the viewer read its kind.
enum PatientPage {
    static func render(_ request: Request, access: PatientAccess, patient: Patient, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let patientID = try patient.requireID()
        let visibility = PatientChart.Visibility(freeText: try await access.allows(.read, .formulation, patientID: patientID),
                                                 crisisPlan: try await access.allows(.read, .crisisPlan, patientID: patientID),
                                                 clinical: try await access.allows(.read, .clinicalEvent, patientID: patientID),
                                                 measures: try await access.allows(.read, .measureResponse, patientID: patientID),
                                                 sessionNotes: try await access.allows(.read, .sessionNote, patientID: patientID))
        let chart = try await PatientChart.load(patientID: patientID, visibility: visibility, on: request.db, now: request.now)
        let current = ProgrammeStatus(storageValue: patient.phase)
        let canWrite = try await access.allows(.write, .demographics, patientID: patientID)
        var targets: [PatientOverviewContext.Choice] = []
        if canWrite, case .inPhase(let phase) = current {
            targets = ProgrammePathway.nextPhases(after: phase).map { ProgrammeStatus.inPhase($0) }.map(PatientOverviewContext.Choice.init)
                + ProgrammePathway.exits(during: phase).map { ProgrammeStatus.exited($0) }.map(PatientOverviewContext.Choice.init)
        }
        let path = { (route: SiteRoute) in route.path(patient: patientID) }
        let hours = try await ClinicHours.load(on: request.db)
        let zone = try hours?.zone ?? ClinicZone("UTC")
        let series = visibility.measures ? try await MeasureHistory(database: request.db, catalog: try request.application.measurement.catalog).series(for: patientID) : []
        let inTreatment = patient.phase == ProgrammeStatus.inPhase(.treatment).storageValue
        let consentWarning = canWrite && inTreatment ? try await !ConsentSummary.treatmentConsentGiven(patientID, on: request.db) : false
        let context = PatientOverviewContext(
            page: PageChrome(titleKey: "patient.title", request: request), csrfToken: request.csrfToken,
            name: patient.displayName, dateOfBirth: patient.dateOfBirth, careTeam: chart.careTeam,
            status: current?.localizedName ?? patient.phase,
            history: chart.history.map { .init(when: DisplayTime.minute($0.occurredAt), from: ProgrammeStatus(storageValue: $0.fromStatus)?.localizedName ?? $0.fromStatus,
                                               to: ProgrammeStatus(storageValue: $0.toStatus)?.localizedName ?? $0.toStatus,
                                               reason: visibility.freeText ? $0.reason : nil, by: $0.decidedBy.displayName) },
            decision: chart.decision.map { .init(decision: $0.decision == SuitabilityDecision.suitable.rawValue ? "programme.suitable" : "programme.notSuitable",
                                                 reasons: visibility.freeText ? $0.reasons : nil, by: $0.decidedBy.displayName, when: DisplayTime.minute($0.decidedAt), participants: chart.participants ?? "") },
            // Move reasons, MDT decision reasons and the referral reason are free text staff wrote for the
            // team: shown only to those who may read free-text clinical records (not the lead).
            referral: chart.referral.map { .init(source: $0.source, receivedOn: $0.receivedOn, urgencyKey: "urgency.\($0.urgency)", reason: visibility.freeText ? $0.reason : nil) },
            canWrite: canWrite, targets: targets,
            decisionOpen: [ProgrammeStatus.inPhase(.referral), .inPhase(.assessment)].contains(current),
            errorKey: error.flatMap { Self.isKey($0) ? $0 : nil },
            errorText: error.flatMap { Self.isKey($0) ? nil : $0 },
            movePath: path(.patientProgramme), decisionPath: path(.patientSuitability), consentPath: path(.patientConsents),
            consents: chart.consents, summary: DetailsSummary(chart.details, identifiers: chart.identifiers), detailsPath: path(.patientDetails),
            records: ChartSections(chart, visibility: visibility, path: path, today: FormCheck.today(request.now)),
            portal: try await PortalLinks(access: access, patientID: patientID, path: path),
            consentWarning: consentWarning,
            atAGlance: try await ChartSummary.load(request, access: access, patientID: patientID, series: series, zone: zone),
            portalAccess: canWrite ? PortalAccessSection(try await PortalInvitations(database: request.db, now: request.now).state(of: patient), patientID: patientID,
                                                         hours: hours) : nil
        )
        let response = try await request.view.render("patient", context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// Errors given as text keys (the others are the service's own words).
    private static func isKey(_ error: String) -> Bool {
        ["programme.", "consent.", "invitation."].contains { error.hasPrefix($0) }
    }
}

/// What the patient chart shows.
struct PatientOverviewContext: Encodable {
    struct Step: Encodable {
        let when: String
        let from: String
        let to: String
        let reason: String?
        let by: String
    }

    struct Decision: Encodable {
        let decision: String
        let reasons: String?
        let by: String
        let when: String
        let participants: String
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
            label = status.localizedName
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
    /// The suitability decision is still to be made (referral or assessment): only then is its form shown.
    let decisionOpen: Bool
    let errorKey: String?
    let errorText: String?
    let movePath: String
    let decisionPath: String
    let consentPath: String
    let consents: [ConsentSummary.Line]
    let summary: DetailsSummary
    let detailsPath: String
    let records: ChartSections
    let portal: PortalLinks
    /// In treatment without a recorded treatment consent: said at the top of the chart.
    let consentWarning: Bool
    /// Risk first, then scores with their change and the next sessions.
    let atAGlance: ChartSummary
    /// Where the patient's portal account stands, for those who may invite them.
    let portalAccess: PortalAccessSection?
}

/// Links from the chart to the patient's portal records the viewer may open: shared diary,
/// messages, psychoeducation progress and sessions.
struct PortalLinks: Encodable {
    let messagesPath: String?
    let diaryPath: String?
    let learningPath: String?
    /// The patient's sessions, for staff who may read session notes.
    let sessionsPath: String?

    init(access: PatientAccess, patientID: UUID, path: (SiteRoute) -> String) async throws {
        messagesPath = try await access.allows(.list, .message, patientID: patientID) ? path(.patientMessages) : nil
        diaryPath = try await access.allows(.list, .sharedDiaryEntry, patientID: patientID) ? path(.patientDiary) : nil
        learningPath = try await access.allows(.read, .measureResponse, patientID: patientID) ? path(.patientLearning) : nil
        sessionsPath = try await access.allows(.read, .sessionNote, patientID: patientID) ? path(.patientSessions) : nil
    }
}
