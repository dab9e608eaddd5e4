import Foundation
import MentalizeCore

/// How times are shown on pages until per-clinic time zones arrive: UTC to the minute.
enum DisplayTime {
    static func minute(_ date: Date) -> String {
        AuditTime.iso8601(date).prefix(16).replacingOccurrences(of: "T", with: " ")
    }
}
