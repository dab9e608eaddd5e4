import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// First-run setup creates the clinic, its helplines and the first administrator once, and never
/// half: a refused request writes nothing, a second founding is refused, and the demo keeps out.
@Suite struct ClinicFoundingTests {
    static let password = "a-long-harbour-password-31"

    static func request(admin: String = "ada@harbour.example") -> ClinicFoundingRequest {
        ClinicFoundingRequest(clinicName: "Harbour MBT", timeZone: "Europe/London", country: "gb", publicURL: "https://mbt.harbour.example/",
                              helplines: [HelplineEntry(name: "Samaritans", number: "116 123", hours: "24 hours"), HelplineEntry(name: "Emergency", number: "999", hours: "")],
                              adminEmail: admin, adminName: "Ada Admin")
    }

    static func founding(_ app: Application) throws -> ClinicFounding {
        ClinicFounding(accounts: AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now()))
    }

    @Test func createsTheClinicItsHelplinesAndAnAdministratorWhoMustEnrolASecondFactor() async throws {
        try await withTestApp { app in
            let admin = try await Self.founding(app).found(Self.request(), adminPassword: Self.password)
            let clinic = try #require(try await Clinic.query(on: app.db).first())
            #expect(clinic.name == "Harbour MBT" && clinic.timeZone == "Europe/London" && clinic.country == "GB" && clinic.publicURL == "https://mbt.harbour.example")
            let lines = try await Helplines(database: app.db).lines(clinicID: try clinic.requireID(), language: "en")
            #expect(lines.map(\.phone) == ["116 123", "999"])
            #expect(admin.roleNames == ["admin"] && admin.$clinic.id == clinic.id)
            // The administrator signs in with the password, then is sent to enrol a second factor.
            let client = WebClient(app: app)
            let response = try await client.signIn("ada@harbour.example", Self.password)
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix(SiteRoute.secondFactor.path) == true)
        }
    }

    /// Without a language the browser decides; a language given at setup is the clinic's default,
    /// and one the site does not ship is refused.
    @Test func theDefaultLanguageIsSetOnlyWhenGiven() async throws {
        try await withTestApp { app in
            var unknown = Self.request()
            unknown.locale = "xx"
            #expect(!unknown.problems.isEmpty)
            var dutch = Self.request()
            dutch.locale = "nl"
            try await Self.founding(app).found(dutch, adminPassword: Self.password)
            #expect(try await Clinic.query(on: app.db).first()?.defaultLanguage == "nl")
        }
        try await withTestApp { app in
            try await Self.founding(app).found(Self.request(), adminPassword: Self.password)
            #expect(try await Clinic.query(on: app.db).first()?.defaultLanguage == nil)
        }
    }

    @Test func aSecondFoundingAndTheDemoAreRefused() async throws {
        try await withTestApp { app in
            try await Self.founding(app).found(Self.request(), adminPassword: Self.password)
            await #expect(throws: ClinicFounding.Refused.self) {
                try await Self.founding(app).found(Self.request(admin: "bo@harbour.example"), adminPassword: Self.password)
            }
            await #expect(throws: ConfigurationError.self) {
                try await DemoSeed.seedIfNeeded(on: app.db, hasher: app.passwordHasher, totpCipher: FieldCipher(secretKey: try app.secretKey, purpose: "totp"), now: app.clock.now())
            }
            #expect(try await Clinic.query(on: app.db).count() == 1)
            #expect(try await UserAccount.query(on: app.db).count() == 1)
        }
    }

    @Test func setupIsRefusedOnTheDemo() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            await #expect(throws: ClinicFounding.Refused.self) {
                try await Self.founding(app).found(Self.request(), adminPassword: Self.password)
            }
        }
    }

    @Test func aRefusedRequestWritesNothing() async throws {
        try await withTestApp { (app: Application) async throws in
            var noHelpline = Self.request()
            noHelpline.helplines = []
            var badZone = Self.request()
            badZone.timeZone = "Mars/Olympus"
            var plainHTTP = Self.request()
            plainHTTP.publicURL = "http://mbt.harbour.example"
            for (request, password) in [(noHelpline, Self.password), (badZone, Self.password), (plainHTTP, Self.password), (Self.request(), "short")] {
                await #expect(throws: (any Error).self) { try await Self.founding(app).found(request, adminPassword: password) }
            }
            #expect(try await Clinic.query(on: app.db).count() == 0)
            #expect(try await UserAccount.query(on: app.db).count() == 0)
            #expect(try await Helpline.query(on: app.db).count() == 0)
            #expect(try await Installation.query(on: app.db).first()?.foundedAt == nil)
        }
    }

    @Test func twoFoundingsAtOnceMakeOneClinic() async throws {
        try await withTestApp { app in
            let founding = try Self.founding(app)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<4 {
                    group.addTask { (try? await founding.found(Self.request(admin: "admin\(index)@harbour.example"), adminPassword: Self.password)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await Clinic.query(on: app.db).count() == 1)
            #expect(try await UserAccount.query(on: app.db).count() == 1)
        }
    }
}
