import Fluent
import MentalizeCore
import Vapor

/// Renders the assessment page; reading the patient's assessment was authorised and audited by the caller.
enum AssessmentPage {
    static func render(_ request: Request, access: PatientAccess, patient: Patient, problems: [String] = [],
                       interview: InterviewForm? = nil, risk: RiskForm? = nil) async throws -> View {
        let patientID = try patient.requireID()
        let queries = AssessmentQueries(database: request.db)
        let checklist = try await queries.latestChecklist(of: patientID)
        let decision = try await ProgrammeQueries(database: request.db).latestDecision(for: patientID)
        let path = { (route: SiteRoute) in route.path(patient: patientID) }
        let today = FormCheck.today(request.now)
        let context = AssessmentContext(
            page: PageChrome(titleKey: "assessment.title", request: request), csrfToken: request.csrfToken,
            name: patient.displayName, patientPath: path(.patient),
            interviews: try await queries.interviews(of: patientID).map(AssessmentContext.Interview.init),
            risks: try await queries.risks(of: patientID).map(AssessmentContext.Risk.init),
            checklist: checklist.map(AssessmentContext.Checklist.init),
            decision: decision.map { .init(decisionKey: $0.decision == SuitabilityDecision.suitable.rawValue ? "programme.suitable" : "programme.notSuitable",
                                           reasons: $0.reasons, when: DisplayTime.minute($0.decidedAt)) },
            participants: try await queries.participants(of: decision?.id) ?? "",
            canWrite: try await access.allows(.write, .clinicalEvent, patientID: patientID), problems: problems,
            interviewForm: interview ?? InterviewForm(interview: DiagnosticInterview.scid5PD.rawValue, conductedOn: today, assessor: access.user.user.displayName),
            riskForm: risk ?? RiskForm(assessedOn: today, assessor: access.user.user.displayName, level: AssessedRisk.low.rawValue),
            interviewKinds: DiagnosticInterview.allCases.map(\.rawValue), levels: AssessedRisk.allCases.map(\.rawValue),
            exclusions: SuitabilityExclusion.allCases.map { .init(key: $0.rawValue, field: field(for: $0)) },
            contraindications: SuitabilityChecklist.relativeContraindications,
            interviewAction: path(.patientInterviews), riskAction: path(.patientRiskAssessments), checklistAction: path(.patientChecklist)
        )
        return try await request.view.render("assessment", context)
    }

    private static func field(for exclusion: SuitabilityExclusion) -> String {
        switch exclusion {
        case .activePsychosis: "activePsychosis"
        case .severeCognitiveImpairment: "severeCognitiveImpairment"
        case .noWillingnessToEngage: "noWillingnessToEngage"
        }
    }
}

/// What the assessment page shows.
struct AssessmentContext: Encodable {
    struct Interview: Encodable {
        let key: String
        let name: String
        let on: String
        let assessor: String
        let criteria: String?
        let outcome: String

        init(_ record: DiagnosticInterviewRecord) {
            key = "assessment.interview.\(record.interview)"
            name = record.interviewName
            on = record.conductedOn
            assessor = record.assessor
            criteria = record.criteriaMet.map(String.init)
            outcome = record.outcome
        }
    }

    struct Risk: Encodable {
        let on: String
        let assessor: String
        let levelKey: String
        let summary: String

        init(_ record: RiskAssessmentRecord) {
            on = record.assessedOn
            assessor = record.assessor
            levelKey = "assessment.level.\(record.level)"
            summary = record.summary
        }
    }

    struct Checklist: Encodable {
        let excluded: Bool
        let exclusionKeys: [String]
        let contraindicationKeys: [String]
        let by: String
        let when: String

        init(_ record: SuitabilityChecklistRecord) {
            let checklist = SuitabilityChecklist(storedExclusions: record.exclusions, storedContraindications: record.contraindications)
            excluded = !checklist.exclusions.isEmpty
            exclusionKeys = SuitabilityExclusion.allCases.filter(checklist.exclusions.contains).map { "assessment.exclusion.\($0.rawValue)" }
            contraindicationKeys = checklist.contraindications.map { "assessment.contraindication.\($0)" }
            by = record.$recordedBy.value?.displayName ?? ""
            when = DisplayTime.minute(record.recordedAt)
        }
    }

    struct Decision: Encodable {
        let decisionKey: String
        let reasons: String
        let when: String
    }

    struct Exclusion: Encodable {
        let key: String
        let field: String
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let interviews: [Interview]
    let risks: [Risk]
    let checklist: Checklist?
    let decision: Decision?
    let participants: String
    let canWrite: Bool
    let problems: [String]
    let interviewForm: InterviewForm
    let riskForm: RiskForm
    let interviewKinds: [String]
    let levels: [String]
    let exclusions: [Exclusion]
    let contraindications: [String]
    let interviewAction: String
    let riskAction: String
    let checklistAction: String
}
