import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// "Forgot password": the answer never tells whether an address has an account; the emailed link
/// works once and for a short time; a new password ends every session and keeps the second factor.
@Suite struct PasswordResetTests {
    static let newPassword = "copper-meadow-lantern-88"

    @Test func theAnswerIsTheSameForAnyAddressAndOnlyAnAccountGetsALink() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let visitor = WebClient(app: app)
            try await visitor.get(SiteRoute.forgotPassword.path)
            let known = try await visitor.post(SiteRoute.forgotPassword.path, form: ["email": DemoStaff.therapistAsh.username.uppercased()])
            let unknown = try await visitor.post(SiteRoute.forgotPassword.path, form: ["email": "nobody@example.org"])
            #expect(known.status == .ok && unknown.status == .ok)
            let strip = { (html: String) in html.replacingOccurrences(of: #"name="_csrf" value="[^"]*""#, with: "", options: .regularExpression) }
            #expect(strip(known.body.string) == strip(unknown.body.string))
            // A second request a moment later sends nothing new.
            #expect(try await visitor.post(SiteRoute.forgotPassword.path, form: ["email": DemoStaff.therapistAsh.username]).status == .ok)
            let sent = try await OutboxInspection.items(app, kind: .passwordReset)
            #expect(sent.map(\.message.recipient) == [DemoStaff.therapistAsh.username])
            #expect(sent.first?.content?.linkPath.hasPrefix("/reset-password/") == true)
        }
    }

    @Test func theLinkSetsANewPasswordOnceEndsSessionsAndKeepsTheSecondFactor() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = DemoStaff.therapistAsh
            let signedIn = try await SignedInClients.web(app, userID: ash.id)
            #expect(try await signedIn.get(SiteRoute.dashboard.path).status == .ok)
            let visitor = WebClient(app: app)
            try await visitor.get(SiteRoute.forgotPassword.path)
            try await visitor.post(SiteRoute.forgotPassword.path, form: ["email": ash.username])
            let link = try #require(try await OutboxInspection.items(app, kind: .passwordReset).first?.content?.linkPath)

            #expect(try await visitor.get(link).body.string.contains("value=\"\(ash.username)\" readonly"))
            #expect(try await visitor.post(link, form: ["password": "short", "passwordAgain": "short"]).status == .badRequest)
            let done = try await visitor.post(link, form: ["password": Self.newPassword, "passwordAgain": Self.newPassword])
            #expect(done.status == .seeOther && done.headers.first(name: .location) == SignInNotice.passwordReset.signInPath)
            #expect(try await visitor.get(link).status == .notFound)

            // The old session ended; the new password works and the second factor is still asked for.
            #expect(try await signedIn.get(SiteRoute.dashboard.path).status == .seeOther)
            #expect(try await AccountQueries(database: app.db).credential(of: ash.id)?.totpEnabledAt != nil)
            let again = WebClient(app: app)
            let response = try await again.signIn(ash.username, Self.newPassword)
            #expect(response.headers.first(name: .location)?.hasPrefix(SiteRoute.secondFactor.path) == true)
            #expect(try await WebClient(app: app).signIn(ash.username, DemoSeed.password).status == .unauthorized)
        }
    }

    @Test func anOldLinkExpires() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let visitor = WebClient(app: app)
            try await visitor.get(SiteRoute.forgotPassword.path)
            try await visitor.post(SiteRoute.forgotPassword.path, form: ["email": DemoStaff.lead.username])
            let link = try #require(try await OutboxInspection.items(app, kind: .passwordReset).first?.content?.linkPath)
            app.clock.advance(by: 2 * 3600 + 1)
            let spent = try await visitor.get(link)
            #expect(spent.status == .notFound && spent.body.string.contains("Ask for a new one"))
        }
    }
}
