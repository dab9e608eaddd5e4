/// Counts and rates for a set of attendance records.
///
/// Rules: a session offered to the patient counts (the denominator) unless the clinic cancelled it.
/// The attendance rate is attended ÷ counted. Missed = did not attend + cancelled inside the notice
/// period; the missed rate is missed ÷ counted. A cancellation in time is counted but not missed.
public struct AttendanceSummary: Hashable, Sendable, Codable {
    public private(set) var attended = 0
    public private(set) var cancelledInTime = 0
    public private(set) var cancelledLate = 0
    public private(set) var cancelledByClinic = 0
    public private(set) var didNotAttend = 0

    public init(records: [AttendanceRecord], notice: NoticePeriod = .standard) {
        for record in records { add(notice.outcome(of: record)) }
    }

    /// Sessions in the denominator.
    public var counted: Int { attended + cancelledInTime + cancelledLate + didNotAttend }
    public var missed: Int { cancelledLate + didNotAttend }

    /// attended ÷ counted, or nil when nothing counts yet.
    public var attendanceRate: Double? { counted == 0 ? nil : Double(attended) / Double(counted) }
    /// missed ÷ counted, or nil when nothing counts yet.
    public var missedRate: Double? { counted == 0 ? nil : Double(missed) / Double(counted) }

    private mutating func add(_ outcome: AttendanceOutcome) {
        switch outcome {
        case .attended: attended += 1
        case .cancelledInTime: cancelledInTime += 1
        case .cancelledLate: cancelledLate += 1
        case .cancelledByClinic: cancelledByClinic += 1
        case .didNotAttend: didNotAttend += 1
        }
    }
}

/// Summaries per patient and for a whole group (all members' records pooled).
public enum AttendanceRates {
    public static func perPatient(_ records: [AttendanceRecord], notice: NoticePeriod = .standard) -> [PatientID: AttendanceSummary] {
        Dictionary(grouping: records, by: \.patient).mapValues { AttendanceSummary(records: $0, notice: notice) }
    }

    /// The group's pooled summary: every member's record at every group session.
    public static func group(_ records: [AttendanceRecord], notice: NoticePeriod = .standard) -> AttendanceSummary {
        AttendanceSummary(records: records, notice: notice)
    }
}
