import Foundation

/// The first-run page's form: the clinic, up to three helplines, and the first administrator.
struct FirstRunForm: Codable {
    var clinicName: String?
    var timeZone: String?
    var country: String?
    var publicURL: String?
    var helplineName: [String]?
    var helplineNumber: [String]?
    var helplineHours: [String]?
    var adminName: String?
    var adminEmail: String?
    var password: String?
    var passwordAgain: String?

    /// Rows shown for helplines (filled ones first, blank ones after).
    static let helplineRows = 3

    var request: ClinicFoundingRequest {
        let names = helplineName ?? [], numbers = helplineNumber ?? [], hours = helplineHours ?? []
        let lines = (0..<max(names.count, numbers.count)).compactMap { index -> HelplineEntry? in
            let name = index < names.count ? names[index] : ""
            let number = index < numbers.count ? numbers[index] : ""
            let hour = index < hours.count ? hours[index] : ""
            if name.isEmpty && number.isEmpty { return nil }
            return HelplineEntry(name: name, number: number, hours: hour)
        }
        return ClinicFoundingRequest(clinicName: clinicName ?? "", timeZone: timeZone ?? "", country: country ?? "", publicURL: publicURL ?? "",
                                     helplines: lines, adminEmail: adminEmail ?? "", adminName: adminName ?? "")
    }

    /// The form as shown again after a refusal: never the passwords.
    var keptForDisplay: FirstRunForm {
        var kept = self
        kept.password = nil
        kept.passwordAgain = nil
        return kept
    }
}
