import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct SessionLifetimeTests {
    let patient = "patient.avery@demo.invalid"

    @Test func aSessionEndsAfter30IdleMinutes() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            app.clock.advance(by: 29 * 60)
            #expect(try await client.get("/home").status == .ok, "29 idle minutes are fine")
            app.clock.advance(by: 30 * 60 + 1)
            let after = try await client.get("/home")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/sign-in")
            #expect(try await UserSession.query(on: app.db).count() == 0, "the expired session is deleted")
        }
    }

    @Test func aBusySessionStillEndsAfter12Hours() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            for _ in 0..<(12 * 3 - 1) {
                app.clock.advance(by: 20 * 60)
                #expect(try await client.get("/home").status == .ok)
            }
            app.clock.advance(by: 20 * 60)
            #expect(try await client.get("/home").status == .seeOther)
        }
    }

    @Test func signOutEndsThisSessionAndEverywhereEndsAll() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let phone = WebClient(app: app)
            let laptop = WebClient(app: app)
            let tablet = WebClient(app: app)
            for device in [phone, laptop, tablet] { try await device.signIn(patient, DemoSeed.password) }
            try await phone.get("/home")
            try await phone.post("/sign-out", form: [:])
            #expect(try await phone.get("/home").status == .seeOther)
            #expect(try await laptop.get("/home").status == .ok)
            try await laptop.post("/sign-out/everywhere", form: [:])
            #expect(try await laptop.get("/home").status == .seeOther)
            #expect(try await tablet.get("/home").status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }
}

/// Signing in brings people back to the page they opened while signed out, and only to this site.
@Suite struct ReturnAfterSignInTests {
    @Test func aPatientReturnsToThePageTheyOpened() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let client = WebClient(app: app)
            let opened = try await client.get("/me/diary?tab=1")
            #expect(opened.headers.first(name: .location) == "/sign-in?next=/me/diary%3Ftab%3D1")
            // act
            let page = try await client.get("/sign-in?next=/me/diary%3Ftab%3D1").body.string
            #expect(page.contains("action=\"/sign-in?next=/me/diary%3Ftab%3D1\""))
            let signedIn = try await client.post("/sign-in?next=/me/diary%3Ftab%3D1", form: ["username": "patient.avery@demo.invalid", "password": DemoSeed.password])
            // verify
            #expect(signedIn.headers.first(name: .location) == "/me/diary?tab=1")
        }
    }

    @Test func onlyPathsOnThisSiteAreFollowed() async throws {
        for hostile in ["//evil.example/x", "https://evil.example", "/\\evil.example", "/sign-in", "/home", "me/diary", "/a b"] {
            #expect(ReturnPath.accept(hostile) == nil, "\(hostile)")
        }
        #expect(ReturnPath.accept("/patients/1/measures?x=1") == "/patients/1/measures?x=1")
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.get("/sign-in")
            let signedIn = try await client.post("/sign-in?next=%2F%2Fevil.example", form: ["username": "patient.avery@demo.invalid", "password": DemoSeed.password])
            #expect(signedIn.headers.first(name: .location) == "/home")
        }
    }

    @Test func staffReturnThroughTheSecondFactor() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            let alertsPath = "/alerts"
            #expect(try await client.get(alertsPath).headers.first(name: .location) == "/sign-in?next=/alerts")
            try await client.get("/sign-in?next=/alerts")
            let first = try await client.post("/sign-in?next=/alerts", form: ["username": "therapist.ash@demo.invalid", "password": DemoSeed.password])
            #expect(first.headers.first(name: .location) == "/sign-in/second-factor?next=/alerts")
            let factorPage = try await client.get("/sign-in/second-factor?next=/alerts").body.string
            #expect(factorPage.contains("action=\"/sign-in/second-factor?next=/alerts\""))
            let secret = try #require(DemoStaff.member(named: "therapist.ash@demo.invalid")).totpSecret
            let totp = TOTP(secret: secret)
            let code = totp.code(forStep: totp.timeStep(at: app.clock.now()))
            let second = try await client.post("/sign-in/second-factor?next=/alerts", form: ["code": code])
            #expect(second.headers.first(name: .location) == alertsPath)
        }
    }
}
