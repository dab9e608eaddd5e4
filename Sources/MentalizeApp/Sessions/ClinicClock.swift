import Foundation
import MentalizeCore

/// Times in scheduling forms, in the clinic's zone (stored instants are UTC); pages show them
/// with `DisplayTime.clinic`.
enum ClinicClock {
    /// The value of an `<input type="datetime-local">`, e.g. `2024-03-05T10:00`.
    static func inputValue(_ instant: Date, zone: ClinicZone) -> String {
        "\(zone.localDate(of: instant))T\(zone.localTime(of: instant))"
    }

    /// Reads a `datetime-local` value in the clinic's zone; nil when it is not one.
    static func instant(fromInput text: String, zone: ClinicZone) -> Date? {
        let parts = text.trimmed.split(separator: "T")
        guard parts.count == 2, let date = try? LocalDate(iso: String(parts[0])), let time = try? LocalTime(text: String(parts[1].prefix(5))) else { return nil }
        return zone.instant(on: date, at: time)
    }
}

/// The attendance choices on the form, mapped to the core's marks.
enum AttendanceChoice: String, CaseIterable, Sendable {
    case attended
    case cancelledByPatient
    case cancelledByClinic
    case didNotAttend

    /// The core's mark; a patient cancellation needs the time the clinic was told.
    func mark(noticeGivenAt: Date?) -> AttendanceMark? {
        switch self {
        case .attended: .attended
        case .cancelledByClinic: .cancelledByClinic
        case .didNotAttend: .didNotAttend
        case .cancelledByPatient: noticeGivenAt.map { .cancelledByPatient(noticeGivenAt: $0) }
        }
    }
}
