import Foundation
import MentalizeCore
import Testing

@Suite struct AttendanceTests {
    let patient = Fx.patient()

    func record(_ day: String, _ mark: AttendanceMark, for who: PatientID? = nil) throws -> AttendanceRecord {
        AttendanceRecord(patient: who ?? patient, sessionStart: try Fx.utc(day, "10:00"), mark: mark)
    }

    func cancelled(_ day: String, hoursBefore: Int) throws -> AttendanceMark {
        .cancelledByPatient(noticeGivenAt: try Fx.utc(day, "10:00").addingTimeInterval(TimeInterval(-hoursBefore * 3600)))
    }

    @Test func ratesExcludeClinicCancellationsAndCountLateCancellationsAsMissed() throws {
        // setup
        let records = [
            try record("2024-01-02", .attended),
            try record("2024-01-09", .attended),
            try record("2024-01-16", .cancelledByClinic),
            try record("2024-01-23", try cancelled("2024-01-23", hoursBefore: 48)),
            try record("2024-01-30", try cancelled("2024-01-30", hoursBefore: 23)),
            try record("2024-02-06", .didNotAttend),
        ]
        // act
        let summary = AttendanceSummary(records: records)
        // verify
        #expect(summary.counted == 5)
        #expect(summary.attended == 2)
        #expect(summary.cancelledInTime == 1)
        #expect(summary.cancelledLate == 1)
        #expect(summary.missed == 2)
        #expect(summary.cancelledByClinic == 1)
        #expect(summary.attendanceRate == 0.4)
        #expect(summary.missedRate == 0.4)
        let strict = AttendanceSummary(records: records, notice: try NoticePeriod(hours: 72))
        #expect(strict.cancelledLate == 2 && strict.cancelledInTime == 0)
    }

    @Test func noticeExactlyAtThePeriodIsInTimeAndNothingCountedGivesNoRate() throws {
        #expect(NoticePeriod.standard.outcome(of: try record("2024-01-02", try cancelled("2024-01-02", hoursBefore: 24))) == .cancelledInTime)
        #expect(AttendanceSummary(records: [try record("2024-01-02", .cancelledByClinic)]).attendanceRate == nil)
        #expect(throws: SchedulingError.invalidNoticePeriod(-1)) { try NoticePeriod(hours: -1) }
    }

    @Test func groupRatesPoolMembersAndPerPatientRatesSplitThem() throws {
        let other = Fx.patient()
        let records = [
            try record("2024-01-02", .attended), try record("2024-01-09", .attended),
            try record("2024-01-02", .didNotAttend, for: other), try record("2024-01-09", .attended, for: other),
        ]
        #expect(AttendanceRates.group(records).attendanceRate == 0.75)
        let split = AttendanceRates.perPatient(records)
        #expect(split[patient]?.attendanceRate == 1)
        #expect(split[other]?.attendanceRate == 0.5)
    }

    @Test func consecutiveMissesSinceTheLastAttendanceRaiseAWarning() throws {
        // setup
        let rule = try NonAttendanceRule()
        let records = [
            try record("2024-01-02", .didNotAttend),
            try record("2024-01-09", .attended),
            try record("2024-01-16", .didNotAttend),
            try record("2024-01-23", .cancelledByClinic),
            try record("2024-01-30", try cancelled("2024-01-30", hoursBefore: 2)),
        ]
        // act
        let warning = rule.warning(for: patient, records: records.shuffled())
        // verify
        #expect(warning?.consecutiveMissed == 2)
        #expect(warning?.since == (try Fx.utc("2024-01-16", "10:00")))
        #expect(warning?.lastMissed == (try Fx.utc("2024-01-30", "10:00")))
        #expect(rule.warning(for: patient, records: records + [try record("2024-02-06", .attended)]) == nil)
        #expect(try NonAttendanceRule(threshold: 3).warning(for: patient, records: records) == nil)
    }

    @Test func inTimeCancellationsAreNeutralUnlessTheRuleCountsThem() throws {
        let records = [
            try record("2024-01-09", .didNotAttend),
            try record("2024-01-16", try cancelled("2024-01-16", hoursBefore: 72)),
        ]
        #expect(try NonAttendanceRule().warning(for: patient, records: records) == nil)
        #expect(try NonAttendanceRule(inTimeCancellationsCount: true).warning(for: patient, records: records)?.consecutiveMissed == 2)
        let other = Fx.patient()
        let both = records + [try record("2024-01-02", .didNotAttend, for: other), try record("2024-01-09", .didNotAttend, for: other),
                              try record("2024-01-16", .didNotAttend, for: other)]
        #expect(try NonAttendanceRule().warnings(both).map(\.patient) == [other])
        #expect(throws: SchedulingError.invalidThreshold(0)) { try NonAttendanceRule(threshold: 0) }
    }
}
