import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// A button that disables an account, ends a care-team relationship, or removes a helpline,
/// holiday, plan item or invitation first shows what will happen, with the real button inside
/// (a `<details>` disclosure, so it works without JavaScript).
@Suite struct DestructiveConfirmationTests {
    /// The `action` of every form on `html` that destroys, and whether each sits in a confirmation.
    static func destructiveForms(_ html: String) -> [(action: String, confirmed: Bool)] {
        html.matches(of: /<form method="post" action="([^"]*)" class="([^"]*)"/).compactMap { match in
            let action = String(match.1)
            guard ["/disable", "/end", "/remove", "/invitation/revoke"].contains(where: { action.hasSuffix($0) }) else { return nil }
            return (action, String(match.2) == "confirm__form")
        }
    }

    @Test func everyDestructiveButtonAsksFirst() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let pages: [(WebClient, String)] = [(admin, SiteRoute.adminUsers.path), (admin, SiteRoute.clinicSettings.path), (lead, SiteRoute.careTeam.path),
                                                (lead, SiteRoute.measurementPlan.path), (lead, SiteRoute.clinicHolidays.path)]
            var seen = 0
            for (client, path) in pages {
                let forms = Self.destructiveForms(try await client.get(path).body.string)
                #expect(!forms.isEmpty || path == SiteRoute.clinicHolidays.path, "\(path) has destructive buttons to check")
                for form in forms { #expect(form.confirmed, "\(path): \(form.action) acts at one click") }
                seen += forms.count
            }
            #expect(seen > 10)
        }
    }
}
