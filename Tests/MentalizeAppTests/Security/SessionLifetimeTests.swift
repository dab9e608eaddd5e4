import Fluent
import Foundation
@testable import MentalizeApp
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
