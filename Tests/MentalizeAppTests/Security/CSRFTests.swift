import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct CSRFTests {
    let patient = "patient.avery@demo.invalid"

    @Test func aFormWithoutTheTokenIsRejected() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.get("/sign-in")
            let response = try await client.post("/sign-in", form: ["username": patient, "password": DemoSeed.password], withToken: false)
            #expect(response.status == .badRequest)
            #expect(client.sessionCookie == nil)
        }
    }

    @Test func aFormWithAnotherSessionsTokenIsRejected() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let victim = WebClient(app: app)
            try await victim.signIn(patient, DemoSeed.password)
            try await victim.get("/home")
            let response = try await victim.post("/sign-out/everywhere", form: ["_csrf": "forged-token"])
            #expect(response.status == .badRequest)
            #expect(try await victim.get("/home").status == .ok, "the session survived")
        }
    }

    @Test func aPostFromAnotherOriginIsRejectedEvenWithTheToken() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.get("/sign-in")
            let response = try await client.post("/sign-in", form: ["username": patient, "password": DemoSeed.password], headers: ["Origin": "https://evil.example", "Host": "mentalize.example"])
            #expect(response.status == .badRequest)
            let sameOrigin = try await client.post("/sign-in", form: ["username": patient, "password": DemoSeed.password], headers: ["Origin": "https://mentalize.example", "Host": "mentalize.example"])
            #expect(sameOrigin.status == .seeOther)
        }
    }

    @Test func getNeverChangesState() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            let response = try await client.get("/sign-out")
            #expect(response.status == .notFound)
            #expect(try await client.get("/home").status == .ok)
        }
    }
}
