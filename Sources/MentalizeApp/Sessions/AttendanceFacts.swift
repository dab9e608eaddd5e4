import Fluent
import Foundation
import MentalizeCore

/// Attendance rows as the core's records, with rates and the drop-out warning.
struct AttendanceFacts {
    let database: any Database

    static func records(_ entries: [AttendanceEntry]) -> [AttendanceRecord] {
        entries.compactMap { entry in
            guard let mark = AttendanceChoice(rawValue: entry.mark)?.mark(noticeGivenAt: entry.noticeGivenAt) else { return nil }
            return AttendanceRecord(patient: PatientID(entry.$patient.id), sessionStart: entry.sessionStart, mark: mark)
        }
    }

    /// The marks recorded for each session (one per patient), for ``ScheduledSession/statusKey(marks:now:)``.
    static func marks(_ entries: [AttendanceEntry]) -> [SessionKey: [String]] {
        var marks: [SessionKey: [String]] = [:]
        for entry in entries {
            guard let date = try? LocalDate(iso: entry.sessionDate) else { continue }
            marks[SessionKey(source: entry.sourceID, date: date), default: []].append(entry.mark)
        }
        return marks
    }

    /// These patients' records from `since` on (indexed by patient and time). A drop-out run is
    /// read back from the latest session, so recent records are enough to find it.
    func records(for patientIDs: [UUID], since: Date) async throws -> [AttendanceRecord] {
        guard !patientIDs.isEmpty else { return [] }
        return Self.records(try await SessionQueries(database: database).marks(ofPatients: patientIDs, since: since))
    }

    /// "80% (8 of 10)", or a dash when nothing counts yet.
    static func rateText(_ summary: AttendanceSummary) -> String {
        guard let rate = summary.attendanceRate else { return "—" }
        return "\(Int((rate * 100).rounded()))% (\(summary.attended) of \(summary.counted))"
    }
}
