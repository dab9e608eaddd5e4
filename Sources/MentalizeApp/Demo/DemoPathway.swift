import Fluent
import Foundation
import MentalizeCore

/// The demo's pathway records: registration details for every patient, assessments for those
/// assessed, the team meeting behind each suitability decision, a shared (not yet agreed)
/// formulation for Avery, and a few past clinical events. No risk alert is raised.
enum DemoPathway {
    static func seed(start: Date, on db: any Database) async throws {
        let day = 86_400.0
        for (index, patient) in DemoPatients.all.enumerated() {
            let therapist = index.isMultiple(of: 2) ? DemoStaff.therapistAsh : DemoStaff.therapistBirch
            try await details(for: patient, by: therapist.id, at: start, on: db)
            let assessed = DemoHistory.route.firstIndex(of: patient.phase).map { $0 >= 2 } ?? false
            if assessed || patient.number == 6 {
                try await interview(patient: patient, therapist: therapist, on: date(start, plus: 9), at: start.addingTimeInterval(9 * day), db: db)
            }
            if assessed {
                try await assessment(patient: patient, therapist: therapist, at: start.addingTimeInterval(10 * day), db: db)
            }
        }
        for decision in try await SuitabilityDecisionRecord.query(on: db).all() {
            try await MDTParticipantsRecord(decisionID: try decision.requireID(),
                                            participants: "\(DemoStaff.therapistAsh.displayName), \(DemoStaff.therapistBirch.displayName), \(DemoStaff.supervisor.displayName)").create(on: db)
        }
        try await formulation(for: DemoPatients.all[0], start: start, on: db)
        for (number, kind, on, method, severity, reporter, days) in events {
            let event = ClinicalEventRecord()
            event.$patient.id = DemoPatients.all[number - 1].id
            (event.kind, event.occurredOn, event.method, event.severity) = (kind.rawValue, on, method.rawValue, severity.rawValue)
            (event.reporter, event.admissionDays, event.note, event.patientReported) = (reporter.rawValue, days, "", false)
            (event.$recordedBy.id, event.recordedAt) = (number.isMultiple(of: 2) ? DemoStaff.therapistBirch.id : DemoStaff.therapistAsh.id, start)
            try await event.create(on: db)
        }
    }

    /// Past events: (patient number, kind, date, method, severity, who reported it, admission days).
    static let events: [(Int, ClinicalEventKind, String, EventMethod, MedicalSeverity, EventReporter, Int?)] = [
        (1, .selfHarm, "2026-02-10", .cutting, .minor, .patient, nil),
        (1, .emergencyVisit, "2026-03-02", .notApplicable, .moderate, .emergencyDepartment, nil),
        (2, .admission, "2026-04-15", .notApplicable, .none, .staff, 5),
        (3, .policeContact, "2026-06-20", .notApplicable, .none, .police, nil),
        (10, .selfHarm, "2026-09-05", .overdose, .moderate, .familyOrCarer, nil),
    ]

    /// A valid NHS number in the 999 range kept for testing (check digit computed, never 10).
    static func nhsNumber(_ seed: Int) -> String {
        var candidate = seed
        while true {
            let stem = "999" + String(String(candidate % 1_000_000 + 1_000_000).dropFirst())
            for check in 0...9 where PatientIdentifierCheck.problem(stem + String(check), type: .nhs) == nil {
                return stem + String(check)
            }
            candidate += 1
        }
    }

    private static func date(_ start: Date, plus days: Double) -> String {
        String(AuditTime.iso8601(start.addingTimeInterval(days * 86_400)).prefix(10))
    }

    static func details(for patient: DemoPatients.Member, by userID: UUID, at now: Date, on db: any Database) async throws {
        var form = PatientDetailsForm()
        form.programmeType = ProgrammeType.adultID.uuidString
        (form.identifierType, form.identifierValue) = (IdentifierType.nhs.rawValue, nhsNumber(patient.number * 7919))
        form.phone = "07700 900" + String(100 + patient.number)
        form.email = "patient\(patient.number)@demo.invalid"
        form.address = "\(patient.number) Example Street\nDemo Town (synthetic)"
        form.preferredLanguage = "English"
        (form.emergencyName, form.emergencyRelationship, form.emergencyPhone) = ("Demo Relative \(patient.number)", "sibling", "07700 900" + String(500 + patient.number))
        (form.gpName, form.gpPractice, form.gpPhone) = ("Dr Demo (synthetic)", "Demo GP practice (synthetic)", "0113 496 0" + String(100 + patient.number))
        try await PatientDetailsStore(database: db).save(form, patientID: patient.id, by: userID, at: now)
    }

    private static func interview(patient: DemoPatients.Member, therapist: DemoStaff.Member, on day: String, at time: Date, db: any Database) async throws {
        let record = DiagnosticInterviewRecord()
        record.$patient.id = patient.id
        (record.interview, record.interviewName, record.conductedOn, record.assessor) = (DiagnosticInterview.scid5PD.rawValue, "", day, therapist.displayName)
        (record.criteriaMet, record.outcome) = (5 + patient.number % 3, "Demo: borderline personality disorder criteria met (synthetic record).")
        (record.$recordedBy.id, record.recordedAt) = (therapist.id, time)
        try await record.create(on: db)
    }

    private static func assessment(patient: DemoPatients.Member, therapist: DemoStaff.Member, at time: Date, db: any Database) async throws {
        let risk = RiskAssessmentRecord()
        risk.$patient.id = patient.id
        (risk.assessedOn, risk.assessor, risk.level) = (String(AuditTime.iso8601(time).prefix(10)), therapist.displayName, AssessedRisk.moderate.rawValue)
        risk.summary = "Demo: past self-harm, no current plan; crisis plan agreed (synthetic record)."
        (risk.$recordedBy.id, risk.recordedAt) = (therapist.id, time)
        try await risk.create(on: db)
        let checklist = SuitabilityChecklistRecord()
        checklist.$patient.id = patient.id
        (checklist.exclusions, checklist.contraindications) = ("", "")
        (checklist.$recordedBy.id, checklist.recordedAt) = (therapist.id, time)
        try await checklist.create(on: db)
    }

    private static func formulation(for patient: DemoPatients.Member, start: Date, on db: any Database) async throws {
        var form = FormulationForm()
        form.presentingProblems = "Intense feelings that change quickly; cutting when overwhelmed.\nLonely between relationships."
        form.relationalPatterns = "Gets very close quickly, then feels let down and pulls away."
        form.breakdowns = "When a friend does not reply to a message."
        form.modes = [PrementalizingMode.psychicEquivalence.rawValue]
        form.attachmentStrategies = "Seeks closeness anxiously; checks often that people still care."
        form.strengths = "Curious about other people; keeps going to work."
        form.treatmentGoals = "Notice feelings earlier.\nFewer crises."
        try await form.version(patientID: patient.id, number: 1, by: DemoStaff.therapistAsh.id, at: start.addingTimeInterval(20 * 86_400)).create(on: db)
        form.breakdowns = "When a friend does not reply to a message, or plans change at the last minute."
        form.modes = [PrementalizingMode.psychicEquivalence.rawValue, PrementalizingMode.teleological.rawValue]
        form.treatmentGoals = "Notice feelings earlier and name them.\nFewer crises; stay in the group when it is hard."
        form.share = "on"
        try await form.version(patientID: patient.id, number: 2, by: DemoStaff.therapistAsh.id, at: start.addingTimeInterval(27 * 86_400)).create(on: db)
    }
}
