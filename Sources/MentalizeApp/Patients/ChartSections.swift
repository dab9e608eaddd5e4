import Foundation
import MentalizeCore

/// The chart's clinical sections, each nil when the viewer may not read it.
struct ChartSections: Encodable {
    struct Formulation: Encodable {
        let path: String
        let version: Int?
        let when: String?
        let shared: Bool
        /// The newest version the patient can read, and when they agreed to it.
        let sharedVersion: Int?
        let agreedAt: String?
    }

    struct CrisisPlan: Encodable {
        let path: String
        let version: Int?
        let when: String?
    }

    struct Assessment: Encodable {
        let path: String
        let interviews: Int
        let riskKey: String?
        let riskOn: String?
        let checklistKey: String
    }

    /// The latest risk update written in a signed session note (for those who may read notes).
    struct NoteRisk: Encodable {
        let changeKey: String
        let increased: Bool
        let summary: String
        let when: String
        let group: Bool
        let path: String
    }

    struct Count: Encodable {
        let key: String
        let count: Int
    }

    struct Event: Encodable {
        let kindKey: String
        let on: String
        let patientReported: Bool
    }

    struct Events: Encodable {
        let path: String
        let total: Int
        let lastYear: [Count]
        let recent: [Event]
    }

    struct Measures: Encodable {
        let path: String
        let completed: Int
        let last: String?
    }

    let formulation: Formulation?
    let crisisPlan: CrisisPlan?
    let assessment: Assessment?
    let events: Events?
    let measures: Measures?
    let noteRisk: NoteRisk?

    init(_ chart: PatientChart, visibility: PatientChart.Visibility, path: (SiteRoute) -> String, today: String) {
        formulation = visibility.freeText ? Formulation(path: path(.formulation), version: chart.formulation?.version, when: chart.formulation.map { DisplayTime.minute($0.writtenAt) },
                                                        shared: chart.formulation?.sharedAt != nil, sharedVersion: chart.sharedFormulation?.version,
                                                        agreedAt: chart.formulationAgreedAt.map(DisplayTime.minute)) : nil
        crisisPlan = visibility.crisisPlan ? CrisisPlan(path: path(.crisisPlan), version: chart.crisisPlan?.version, when: chart.crisisPlan.map { DisplayTime.minute($0.writtenAt) }) : nil
        let checklistKey = chart.checklist.map { SuitabilityChecklist(storedExclusions: $0.exclusions, storedContraindications: $0.contraindications).exclusions.isEmpty
            ? "assessment.checklistClear" : "assessment.checklistExcluded" } ?? "assessment.noChecklist"
        assessment = visibility.clinical ? Assessment(path: path(.patientAssessment), interviews: chart.interviewCount, riskKey: chart.latestRisk.map { "assessment.level.\($0.level)" },
                                                      riskOn: chart.latestRisk?.assessedOn, checklistKey: checklistKey) : nil
        let yearAgo = EventTally.months(12, endingWith: String(today.prefix(7))).first ?? ""
        let recentYear = chart.events.filter { String($0.occurredOn.prefix(7)) >= yearAgo }
        events = visibility.clinical ? Events(
            path: path(.patientEvents), total: chart.events.count,
            lastYear: ClinicalEventKind.allCases.compactMap { kind in
                let count = recentYear.filter { $0.kind == kind.rawValue }.count
                return count == 0 ? nil : Count(key: "events.kind.\(kind.rawValue)", count: count)
            },
            recent: chart.events.prefix(5).map { Event(kindKey: "events.kind.\($0.kind)", on: $0.occurredOn, patientReported: $0.patientReported) }
        ) : nil
        noteRisk = chart.noteRisk.map { update in
            NoteRisk(changeKey: "sessions.risk.\(update.change.rawValue)", increased: update.change == .increased, summary: update.summary,
                     when: DisplayTime.minute(update.sessionStart), group: update.isGroup, path: SiteRoute.session.path(sessionText: update.sessionKey))
        }
        measures = visibility.measures ? Measures(path: path(.patientMeasures), completed: chart.completedMeasures.count,
                                                  last: chart.completedMeasures.first?.completedAt.map(DisplayTime.minute)) : nil
    }
}
