import Foundation
import MentalizeCore

/// How times are shown on pages: in the clinic's zone where a page has moved to it (`clinic`),
/// otherwise UTC to the minute (`minute`, said as UTC on the page).
enum DisplayTime {
    static func minute(_ date: Date) -> String {
        AuditTime.iso8601(date).prefix(16).replacingOccurrences(of: "T", with: " ")
    }

    /// "Sat 21 Nov 2026, 23:37": a time in the clinic's zone, as the person at the clinic lives it.
    static func clinic(_ date: Date, zone: ClinicZone) -> String {
        "\(zone.dayText(zone.localDate(of: date))), \(zone.localTime(of: date))"
    }
}
