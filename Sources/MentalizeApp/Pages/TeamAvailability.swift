import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Whether the patient's care team is at work at the hour a patient reads a "your team has been
/// told" page, and when they next will be: so the page says what is true then, never "will be in
/// touch" at 23:37 on a Saturday.
struct TeamAvailability: Encodable, Equatable {
    /// The team is at work now.
    let open: Bool
    /// When the team is next at work ("Monday 7 December at 09:00"); nil when open or unknown.
    let nextOpening: String?
    /// The clinic's own out-of-hours instruction.
    let clinicText: String?

    static func at(_ now: Date, hours: ClinicHours?) -> TeamAvailability {
        guard let hours else { return TeamAvailability(open: false, nextOpening: nil, clinicText: nil) }
        let open = hours.isOpen(at: now)
        return TeamAvailability(open: open, nextOpening: open ? nil : hours.nextOpeningText(after: now), clinicText: open ? nil : hours.outOfHoursText)
    }
}

extension Request {
    /// The care team's availability now, for the patient's clinic.
    func teamAvailability(clinicID: UUID) async throws -> TeamAvailability {
        guard let clinic = try await Clinic.find(clinicID, on: db) else { return .at(now, hours: nil) }
        return .at(now, hours: try await ClinicHours.load(clinic, on: db))
    }

    /// The clinic's time zone (UTC until the installation has a clinic).
    func clinicZone() async throws -> ClinicZone {
        if let zone = DisplayTime.zone { return zone }
        return try await ClinicHours.load(on: db)?.zone ?? ClinicZone("UTC")
    }
}
