import Fluent
import MentalizeCore
import Vapor

/// Everything the patient chart shows, loaded in a fixed number of queries whatever the size of
/// the record (no query per row). Sections the viewer may not read are not loaded at all.
struct PatientChart {
    /// Which sections the viewer may read, decided by the policy before loading.
    struct Visibility {
        var freeText = false
        /// The crisis plan: the care team's, and the group co-therapists' to read.
        var crisisPlan = false
        var clinical = false
        var measures = false
        var sessionNotes = false
    }

    var careTeam: [String] = []
    var history: [ProgrammeTransitionRecord] = []
    var decision: SuitabilityDecisionRecord?
    var participants: String?
    var referral: Referral?
    var consents: [ConsentSummary.Line] = []
    var details: PatientDetails?
    var identifiers: [PatientIdentifierRecord] = []
    var formulation: FormulationVersion?
    /// The newest version shared with the patient (the latest one unless that is a draft).
    var sharedFormulation: FormulationVersion?
    /// When the patient agreed to `sharedFormulation`.
    var formulationAgreedAt: Date?
    var crisisPlan: CrisisPlanVersion?
    var events: [ClinicalEventRecord] = []
    var checklist: SuitabilityChecklistRecord?
    var latestRisk: RiskAssessmentRecord?
    var interviewCount = 0
    var completedMeasures: [MeasureResponse] = []
    var noteRisk: LatestNoteRisk.Update?

    static func load(patientID: UUID, visibility: Visibility, on db: any Database, now: Date) async throws -> PatientChart {
        var chart = PatientChart()
        chart.careTeam = try await PatientQueries(database: db).careTeam(of: patientID, now: now)
        let programme = ProgrammeQueries(database: db)
        chart.history = try await programme.history(for: patientID)
        chart.decision = try await programme.latestDecision(for: patientID)
        chart.participants = try await AssessmentQueries(database: db).participants(of: chart.decision?.id)
        let pathway = PathwayQueries(database: db)
        chart.referral = try await pathway.latestReferral(of: patientID)
        chart.consents = try await ConsentSummary.lines(for: patientID, on: db)
        let details = PatientDetailsStore(database: db)
        chart.details = try await details.details(patientID: patientID)
        chart.identifiers = try await details.identifiers(patientID: patientID)
        if visibility.freeText {
            let formulations = FormulationQueries(database: db)
            chart.formulation = try await formulations.latest(of: patientID)
            // Agreement belongs to what the patient read: the newest shared version, which a newer draft does not replace.
            chart.sharedFormulation = chart.formulation?.sharedAt != nil ? chart.formulation : try await formulations.latestShared(of: patientID)
            if let versionID = chart.sharedFormulation?.id {
                chart.formulationAgreedAt = try await formulations.agreedAt(versionID: versionID)
            }
        }
        if visibility.crisisPlan {
            chart.crisisPlan = try await CrisisPlanQueries(database: db).latest(of: patientID)
        }
        if visibility.clinical {
            chart.events = try await pathway.eventSummaries(of: patientID)
            let assessment = AssessmentQueries(database: db)
            chart.checklist = try await assessment.latestChecklist(of: patientID)
            chart.latestRisk = try await assessment.latestRiskAssessment(of: patientID)
            chart.interviewCount = try await assessment.interviewCount(of: patientID)
        }
        if visibility.sessionNotes {
            chart.noteRisk = try await LatestNoteRisk(database: db).find(patientID: patientID)
        }
        if visibility.measures {
            chart.completedMeasures = try await MeasureQueries(database: db).completedSummaries(of: patientID)
        }
        return chart
    }
}
