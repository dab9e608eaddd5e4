import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct SignInTests {
    let patient = "patient.avery@demo.invalid"
    let therapist = "therapist.ash@demo.invalid"

    @Test func aPatientSignsInAndGetsAHardenedSessionCookie() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            let response = try await client.signIn(patient, DemoSeed.password)
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/home")
            let setCookie = try #require(response.headers[.setCookie].first { $0.hasPrefix(SessionCookie.name + "=") })
            for flag in ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"] {
                #expect(setCookie.contains(flag), "cookie lacks \(flag): \(setCookie)")
            }
            #expect(!setCookie.contains("Domain="))
            let token = try #require(client.sessionCookie)
            #expect(Data(base64Encoded: token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "=")?.count == 32)
            let home = try await client.get("/home")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Avery Testpatient"))
        }
    }

    @Test func theDatabaseHoldsOnlyTheHashOfTheSessionToken() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            let token = try #require(client.sessionCookie)
            let stored = try await UserSession.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored.first?.tokenHash == SecretToken.hash(token))
            #expect(stored.first?.tokenHash != token)
        }
    }

    @Test func signingInAgainRotatesTheSession() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a session that exists before this sign-in (half signed-in staff)
            let client = WebClient(app: app)
            try await client.signIn(therapist, DemoSeed.password)
            let first = try #require(client.sessionCookie)
            // act: sign in again from the same browser
            try await client.signIn(therapist, DemoSeed.password)
            // verify
            let second = try #require(client.sessionCookie)
            #expect(first != second)
            let sessions = try await UserSession.query(on: app.db).all()
            #expect(sessions.map(\.tokenHash) == [SecretToken.hash(second)], "the old session ended")
        }
    }

    @Test func aPlantedSessionCookieIsNeverAdopted() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            client.setCookie(SessionCookie.name, "attacker-chosen-value")
            try await client.signIn(patient, DemoSeed.password)
            #expect(client.sessionCookie != "attacker-chosen-value")
            #expect(try await UserSession.query(on: app.db).filter(\.$tokenHash == SecretToken.hash("attacker-chosen-value")).count() == 0)
        }
    }

    @Test func aPasswordLongerThanAnyPasswordIsNamedAsSuch() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            let response = try await client.signIn("patient.avery@demo.invalid", String(repeating: "é", count: 600))
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("longer than any Mentalize password can be"))
            #expect(!response.body.string.contains("Please enter your username"))
        }
    }

    @Test func unknownUsersAndWrongPasswordsGetTheSameAnswer() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let wrongPassword = try await WebClient(app: app).signIn(patient, "not-the-password-at-all")
            let unknownUser = try await WebClient(app: app).signIn("nobody@demo.invalid", "not-the-password-at-all")
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknownUser.status == wrongPassword.status)
            let strip: (String) -> String = { $0.replacing(/value="[^"]*"|<code>[^<]*<\/code>/, with: "") }
            #expect(strip(wrongPassword.body.string) == strip(unknownUser.body.string))
            #expect(wrongPassword.body.string.contains("That username and password do not match"))
        }
    }

    @Test func staffMustGiveTheSecondFactorBeforeAnythingElse() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            let response = try await client.signIn(therapist, DemoSeed.password)
            #expect(response.headers.first(name: .location) == SiteRoute.secondFactor.path)
            let home = try await client.get("/home")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == SiteRoute.secondFactor.path)
        }
    }

    @Test func aDisabledAccountCannotSignInAndLosesItsSessions() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            #expect(try await client.get("/home").status == .ok)
            try await AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now()).disable(username: patient)
            #expect(try await client.get("/home").status == .seeOther)
            #expect(try await WebClient(app: app).signIn(patient, DemoSeed.password).status == .unauthorized)
        }
    }
}
