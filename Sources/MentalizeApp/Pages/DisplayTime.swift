import Foundation
import MentalizeCore

/// How times are shown on pages: in the clinic's zone. `ClinicZoneMiddleware` sets `zone` for
/// the request being answered, so every page shows the time as the people at the clinic live it;
/// outside a request (a background job) `minute` falls back to UTC and says so.
enum DisplayTime {
    /// The clinic's zone while a request is answered; nil in background work.
    @TaskLocal static var zone: ClinicZone?
    /// The request's language while a request is answered (`LanguageMiddleware`); English in background work.
    @TaskLocal static var language: String = LanguageNegotiation.fallback

    /// "Sat 21 Nov 2026, 23:37" in the clinic's zone; "2026-11-21 23:37 UTC" outside a request.
    static func minute(_ date: Date) -> String {
        guard let zone else { return utcMinute(date) + " UTC" }
        return clinic(date, zone: zone)
    }

    /// "2026-11-21": the clinic's calendar day of `date` (UTC outside a request).
    static func day(_ date: Date) -> String {
        guard let zone else { return String(utcMinute(date).prefix(10)) }
        return zone.localDate(of: date).description
    }

    /// "Sat 21 Nov 2026, 23:37" ("za 21 nov 2026, 23:37" in Dutch): a time in the clinic's zone, in the request's language.
    static func clinic(_ date: Date, zone: ClinicZone) -> String {
        "\(zone.dayText(zone.localDate(of: date), in: language)), \(zone.localTime(of: date))"
    }

    private static func utcMinute(_ date: Date) -> String {
        AuditTime.iso8601(date).prefix(16).replacingOccurrences(of: "T", with: " ")
    }
}
