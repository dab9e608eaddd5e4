import Fluent
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
            let password = "a long pass phrase with spaces in it, never shown back"
            let response = try await client.post("/sign-in", form: ["username": patient, "password": password], withToken: false)
            #expect(response.status == .unauthorized)
            #expect(client.sessionCookie == nil)
            #expect(!response.body.string.contains("pass phrase"), "a password is never shown back")
        }
    }

    @Test func aFormWithAnotherSessionsTokenIsRejected() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let victim = WebClient(app: app)
            try await victim.signIn(patient, DemoSeed.password)
            try await victim.get("/home")
            let response = try await victim.post("/sign-out/everywhere", form: ["_csrf": "forged-token"])
            #expect(response.status == .conflict && response.body.string.contains("This was not saved"))
            #expect(try await victim.get("/home").status == .ok, "the session survived")
        }
    }

    @Test func writingThatOutlivesTheSignInIsGivenBackNotLost() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a diary entry started, then 31 minutes of writing
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            try await client.get("/me/diary/new")
            app.clock.advance(by: 31 * 60)
            let entries = try await DiaryEntryRecord.query(on: app.db).count()
            // act
            let text = "When my sister cancelled I felt dropped and wondered whether something had happened to her."
            let response = try await client.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": text, "emotion-hurt": "on", "intensity-hurt": "8", "action": "save"])
            // verify: nothing saved, the patient is told why and gets the text back, and it is not cached
            #expect(response.status == .unauthorized)
            let page = response.body.string
            #expect(page.contains("You were signed out") && page.contains(text) && page.contains("href=\"/sign-in\""))
            #expect(page.contains("href=\"tel:116123\""), "the clinic's helplines, one tap away while signed out")
            #expect(!page.contains(">on<") && !page.contains(">save<"), "choices are not shown as text")
            #expect(response.headers.first(name: .cacheControl) == "no-store")
            #expect(try await DiaryEntryRecord.query(on: app.db).count() == entries)
        }
    }

    @Test(arguments: ["a=[", "a=%", "a=%zz", "a=raw space", "a=\"quoted\"", "a=é", "whatHappened=I felt [dropped] 100% & alone"])
    func aFormBodyThatIsNotValidEncodingGetsTheUnsavedPageNotACrash(body: String) async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.get("/sign-in")
            let response = try await client.post("/sign-in", rawBody: body)
            #expect(response.status == .unauthorized && response.body.string.contains("You were signed out"))
            #expect(try await client.get("/healthz").status == .ok, "the server still answers")
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

    @Test func aPostWithoutAnOriginIsRejectedEvenWithTheToken() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(patient, DemoSeed.password)
            try await client.get("/me/diary/new")
            let entries = try await DiaryEntryRecord.query(on: app.db).count()
            client.sendsOrigin = false
            let response = try await client.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "Written by a script, not a browser.", "action": "save"])
            #expect(response.status == .badRequest)
            #expect(try await DiaryEntryRecord.query(on: app.db).count() == entries)
            let nullOrigin = try await client.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "From a sandboxed frame.", "action": "save"], headers: ["Origin": "null", "Host": "mentalize.test"])
            #expect(nullOrigin.status == .badRequest)
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
