import Foundation
import Leaf
import LeafKit
import MentalizeCore

/// `#clinicTime(date, zone)` ("za 21 nov 2026, 23:37") and `#clinicDay(date, zone)`
/// ("za 21 nov 2026"): an instant in the clinic's zone, in the request's language, for templates
/// that hold dates rather than text.
struct ClinicTimeTag: LeafTag {
    let withTime: Bool

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let seconds = ctx.parameters[0].double, let identifier = ctx.parameters[1].string else {
            throw LeafError(.unknownError("#clinicTime and #clinicDay take a date and a time-zone identifier"))
        }
        let zone = (try? ClinicZone(identifier)) ?? (try? ClinicZone("UTC"))
        guard let zone else { throw LeafError(.unknownError("no time zone")) }
        let date = Date(timeIntervalSince1970: seconds)
        let day = zone.dayText(zone.localDate(of: date), in: ctx.request?.language ?? LanguageNegotiation.fallback)
        return .string(withTime ? "\(day), \(zone.localTime(of: date))" : day)
    }
}
