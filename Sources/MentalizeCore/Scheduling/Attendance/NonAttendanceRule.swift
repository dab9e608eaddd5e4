public import Foundation

/// A run of consecutive missed sessions that has not yet been broken by attendance: a recognised
/// drop-out warning.
public struct NonAttendanceWarning: Hashable, Sendable, Codable {
    public let patient: PatientID
    public let consecutiveMissed: Int
    /// The first missed session of the run.
    public let since: Date
    public let lastMissed: Date
}

/// Flags patients whose most recent sessions were missed `threshold` or more times in a row.
///
/// Walking back from the latest session: a missed session (did not attend, or cancelled inside the
/// notice period) extends the run; attending ends it; a clinic cancellation is skipped; a patient
/// cancellation in time is skipped too, unless `inTimeCancellationsCount` is set, when it extends
/// the run.
public struct NonAttendanceRule: Hashable, Sendable, Codable {
    public static let allowedThresholds = 1...20

    public let threshold: Int
    public let inTimeCancellationsCount: Bool
    public let notice: NoticePeriod

    public init(threshold: Int = 2, inTimeCancellationsCount: Bool = false, notice: NoticePeriod = .standard) throws(SchedulingError) {
        guard Self.allowedThresholds.contains(threshold) else { throw .invalidThreshold(threshold) }
        self.threshold = threshold
        self.inTimeCancellationsCount = inTimeCancellationsCount
        self.notice = notice
    }

    /// The warning for one patient's records, if their current run reaches the threshold.
    public func warning(for patient: PatientID, records: [AttendanceRecord]) -> NonAttendanceWarning? {
        var run: [Date] = []
        let latestFirst = records.filter { $0.patient == patient }.sorted { $0.sessionStart > $1.sessionStart }
        walk: for record in latestFirst {
            switch notice.outcome(of: record) {
            case .attended: break walk
            case .cancelledByClinic: continue
            case .cancelledInTime: if inTimeCancellationsCount { run.append(record.sessionStart) }
            case .didNotAttend, .cancelledLate: run.append(record.sessionStart)
            }
        }
        guard run.count >= threshold, let first = run.last, let last = run.first else { return nil }
        return NonAttendanceWarning(patient: patient, consecutiveMissed: run.count, since: first, lastMissed: last)
    }

    /// Warnings for every patient in `records`, most missed first.
    public func warnings(_ records: [AttendanceRecord]) -> [NonAttendanceWarning] {
        Set(records.map(\.patient)).compactMap { warning(for: $0, records: records) }
            .sorted { ($0.consecutiveMissed, $0.lastMissed, $1.patient.description) > ($1.consecutiveMissed, $1.lastMissed, $0.patient.description) }
    }
}
