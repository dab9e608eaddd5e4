import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// The web first-run page: `serve` without a clinic serves only it (through its one-time link),
/// the health checks and static files, until the clinic exists; the link works once.
@Suite struct FirstRunPageTests {
    static func form(clinic: String = "Harbour MBT", password: String = ClinicFoundingTests.password, again: String? = nil) -> String {
        let fields = [
            ("clinicName", clinic), ("timeZone", "Europe/London"), ("country", "GB"), ("publicURL", ""),
            ("helplineName[]", "Samaritans"), ("helplineNumber[]", "116 123"), ("helplineHours[]", "24 hours"),
            ("helplineName[]", "Emergency"), ("helplineNumber[]", "999"), ("helplineHours[]", ""),
            ("helplineName[]", ""), ("helplineNumber[]", ""), ("helplineHours[]", ""),
            ("adminName", "Ada Admin"), ("adminEmail", "ada@harbour.example"), ("password", password), ("passwordAgain", again ?? password),
        ]
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    @Test func onlyTheSetupPageAndHealthChecksAnswerUntilTheClinicIsCreatedThroughTheLinkOnce() async throws {
        let environment = try await TestEnvironment.make()
        try await withTestApp(environment) { app in
            let link = try #require(try await FirstRunSetup.prepare(app, configuration: environment.configuration))
            let path = try #require(URLComponents(string: link)?.path)
            #expect(path.hasPrefix("/setup/") && path.count > 40)
            // Only a hash of the token is stored.
            let token = try #require(try await OneTimeToken.query(on: app.db).first())
            #expect(!link.contains(token.tokenHash) && token.tokenHash.count == 64)
            #expect(abs(token.expiresAt.timeIntervalSince(token.createdAt) - 3600) < 0.01 && abs(token.createdAt.timeIntervalSince(app.clock.now())) < 5)

            let client = WebClient(app: app)
            #expect(try await client.get("/sign-in").status == .serviceUnavailable)
            #expect(try await client.get("/home").status == .serviceUnavailable)
            #expect(try await client.get("/healthz").status == .ok)
            #expect(try await client.get("/setup/not-the-token").status == .notFound)
            let page = try await client.get(path)
            #expect(page.status == .ok && page.body.string.contains("Set up your clinic"))

            // A refused form creates nothing, keeps what was typed but never the password, and the link still works.
            let refused = try await client.post(path, rawBody: Self.form(again: "something-else-entirely") + "&_csrf=\(client.lastCSRF)")
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("the two passwords are not the same") && refused.body.string.contains("value=\"Harbour MBT\""))
            #expect(!refused.body.string.contains(ClinicFoundingTests.password))
            #expect(try await Clinic.query(on: app.db).count() == 0)

            let created = try await client.post(path, rawBody: Self.form() + "&_csrf=\(client.lastCSRF)")
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == SignInNotice.setup.signInPath)
            let clinic = try #require(try await Clinic.query(on: app.db).first())
            #expect(try await Helplines(database: app.db).lines(clinicID: try clinic.requireID(), language: "en").count == 2)
            #expect(try await OneTimeToken.query(on: app.db).first()?.usedAt != nil)

            // The gate is open; the link is spent.
            let signIn = try await client.get(SignInNotice.setup.signInPath)
            #expect(signIn.status == .ok && signIn.body.string.contains("Your clinic is ready"))
            #expect(try await client.get(path).status == .notFound)
            #expect(try await client.signIn("ada@harbour.example", ClinicFoundingTests.password).status == .seeOther)
        }
    }

    @Test func anExpiredLinkIsRefused() async throws {
        let environment = try await TestEnvironment.make()
        try await withTestApp(environment) { app in
            let link = try #require(try await FirstRunSetup.prepare(app, configuration: environment.configuration))
            app.clock.advance(by: 3601)
            #expect(try await WebClient(app: app).get(try #require(URLComponents(string: link)?.path)).status == .notFound)
        }
    }

    @Test func anInstallationWithAClinicHasNoSetupLink() async throws {
        let environment = try await TestEnvironment.make()
        try await withTestApp(environment, options: .init(seedDemo: true)) { (app: Application) async throws in
            #expect(try await FirstRunSetup.prepare(app, configuration: environment.configuration) == nil)
            #expect(try await WebClient(app: app).get("/sign-in").status == .ok)
        }
    }
}
