import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The staff form for a clinical event.
struct EventForm: Content {
    var kind: String?
    var occurredOn: String?
    var method: String?
    var severity: String?
    var reporter: String?
    var admissionDays: String?

    /// Text keys for every problem, in form order. An event happens between the patient's birth
    /// (`dateOfBirth`, yyyy-mm-dd) and today.
    func problems(today: Date, dateOfBirth: String) -> [String] {
        var problems: [String] = []
        guard let kind = ClinicalEventKind(rawValue: kind.trimmed) else { return ["events.error.kind"] }
        if !FormCheck.isPastDate(occurredOn.trimmed, today: today) {
            problems.append("events.error.date")
        } else if !FormCheck.isPastDate(occurredOn.trimmed, today: today, notBefore: dateOfBirth) {
            problems.append("events.error.beforeBirth")
        }
        guard let method = EventMethod(rawValue: method.trimmed) else { return problems + ["events.error.method"] }
        if MedicalSeverity(rawValue: severity.trimmed) == nil { problems.append("events.error.severity") }
        if EventReporter(rawValue: reporter.trimmed) == nil { problems.append("events.error.reporter") }
        let daysText = admissionDays.trimmed
        let days = Int(daysText)
        if !daysText.isEmpty, days == nil { problems.append("events.error.admission-days-needed") }
        problems += ClinicalEventRules.problems(kind: kind, method: method, admissionDays: days).map { "events.error.\($0.rawValue)" }
        return problems
    }

    /// A new staff-recorded event from the checked form.
    func record(patientID: UUID, by userID: UUID, at now: Date) -> ClinicalEventRecord {
        let record = ClinicalEventRecord()
        record.$patient.id = patientID
        (record.kind, record.occurredOn, record.method) = (kind.trimmed, occurredOn.trimmed, method.trimmed)
        (record.severity, record.reporter, record.admissionDays) = (severity.trimmed, reporter.trimmed, Int(admissionDays.trimmed))
        (record.note, record.patientReported) = ("", false)
        (record.$recordedBy.id, record.recordedAt) = (userID, now)
        return record
    }
}

/// The patient's self-harm report: when, whether they needed medical help, and anything they want
/// their therapist to know. The key makes a resent form record one report.
struct SelfReportForm: Content {
    var occurredOn: String?
    var help: String?
    var note: String?
    var key: String?

    /// The answers to "did you need medical help?", mapped to medical severity.
    static let helpChoices: [(answer: String, severity: MedicalSeverity)] = [("none", .none), ("self-care", .minor), ("treated", .moderate), ("unsure", .unknown)]

    /// Text keys for every problem, in form order; the date lies between `dateOfBirth` and today.
    func problems(today: Date, dateOfBirth: String) -> [String] {
        var problems: [String] = []
        if !FormCheck.isPastDate(occurredOn.trimmed, today: today, notBefore: dateOfBirth) { problems.append("myReport.error.date") }
        if severity == nil { problems.append("myReport.error.help") }
        if note.trimmed.count > 2000 { problems.append("myReport.error.note") }
        if UUID(uuidString: key.trimmed) == nil { problems.append("myReport.error.expired") }
        return problems
    }

    var severity: MedicalSeverity? {
        Self.helpChoices.first { $0.answer == help.trimmed }?.severity
    }
}
