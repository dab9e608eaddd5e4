import Fluent
import Foundation
import MentalizeCore
import Vapor

/// What the caseload page knows about each patient, loaded for the whole caseload in a fixed
/// number of queries (no query per patient).
struct CaseloadFacts {
    var zone: ClinicZone
    var nextSession: [UUID: Date] = [:]
    var lastAttended: [UUID: Date] = [:]
    var series: [UUID: [MeasureHistory.Series]] = [:]
    var openAlerts: [UUID: Int] = [:]
    var overdue: [UUID: Int] = [:]
    var unsignedNotes: [UUID: Int] = [:]
    /// Sessions missed in a row, for patients the non-attendance rule warns about.
    var warnings: [UUID: Int] = [:]

    /// How far ahead the next individual session is looked for.
    static let lookAhead: TimeInterval = 92 * 86_400

    static func load(_ request: Request, therapistID: UUID, patientIDs ids: [UUID]) async throws -> CaseloadFacts {
        let loader = try await request.scheduleLoader()
        let now = request.now
        var facts = CaseloadFacts(zone: loader.zone)
        guard !ids.isEmpty else { return facts }
        let upcoming = try await loader.forTherapist(therapistID, in: TimeSlot(start: now, end: now.addingTimeInterval(lookAhead))).filter(\.takesPlace)
        for session in upcoming.sorted(by: { $0.slot.start < $1.slot.start }) {
            guard let patient = session.patientID, facts.nextSession[patient] == nil else { continue }
            facts.nextSession[patient] = session.slot.start
        }
        let attendance = try await AttendanceFacts(database: request.db).records(for: ids, since: now.addingTimeInterval(-365 * 86_400))
        for record in attendance where record.mark == .attended {
            facts.lastAttended[record.patient.rawValue] = max(facts.lastAttended[record.patient.rawValue] ?? .distantPast, record.sessionStart)
        }
        for warning in try NonAttendanceRule().warnings(attendance.filter { $0.sessionStart >= now.addingTimeInterval(-182 * 86_400) }) {
            facts.warnings[warning.patient.rawValue] = warning.consecutiveMissed
        }
        let settings = try request.application.measurement
        facts.series = try await MeasureHistory(database: request.db, catalog: settings.catalog).series(forPatients: ids)
        for alert in try await AlertStore(database: request.db).unresolved(for: ids) {
            facts.openAlerts[alert.$patient.id, default: 0] += 1
        }
        for assignment in try await MeasureQueries(database: request.db).openAssignments(patientIDs: ids, dueBefore: now)
        where settings.window.status(dueAt: assignment.dueAt, now: now, completed: false) == .overdue {
            facts.overdue[assignment.$patient.id, default: 0] += 1
        }
        for draft in try await SessionQueries(database: request.db).drafts(by: therapistID, limit: 500) {
            if let patient = draft.$patient.id { facts.unsignedNotes[patient, default: 0] += 1 }
        }
        return facts
    }
}
