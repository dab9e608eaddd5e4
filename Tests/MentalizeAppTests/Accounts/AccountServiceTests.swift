import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct AccountServiceTests {
    private func accounts(_ app: Application) throws -> AccountService {
        AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now())
    }

    @Test(arguments: [
        ("short pass", "at least 12"),
        ("password1234", "too common"),
        ("new.person@demo.invalid", "name or email"),
        (String(repeating: "x", count: 129), "at most 128"),
    ])
    func weakPasswordsAreRefusedWithTheReason(password: String, phrase: String) async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let error = await #expect(throws: AccountService.Problem.self) {
                try await accounts(app).create(clinicID: DemoSeed.clinicID, username: "new.person@demo.invalid", displayName: "New Person", roles: ["therapist"], password: password)
            }
            #expect(error?.description.contains(phrase) == true, "\(error?.description ?? "")")
            let created = try await UserAccount.query(on: app.db).filter(\.$username == "new.person@demo.invalid").count()
            #expect(created == 0)
        }
    }

    @Test func duplicateNamesAndUnknownRolesAreRefused() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            await #expect(throws: AccountService.Problem.self) {
                try await accounts(app).create(clinicID: DemoSeed.clinicID, username: "Therapist.Ash@demo.invalid", displayName: "Copy", roles: ["therapist"], password: "a long enough password 1")
            }
            await #expect(throws: AccountService.Problem.self) {
                try await accounts(app).create(clinicID: DemoSeed.clinicID, username: "x@demo.invalid", displayName: "X", roles: ["superuser"], password: "a long enough password 1")
            }
        }
    }

    @Test func aPasswordResetEndsEverySessionAndTheNewPasswordWorks() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn("patient.avery@demo.invalid", DemoSeed.password)
            try await accounts(app).setPassword(username: "patient.avery@demo.invalid", password: "a brand new long password")
            #expect(try await client.get("/home").status == .seeOther)
            #expect(try await WebClient(app: app).signIn("patient.avery@demo.invalid", "a brand new long password").status == .seeOther)
            #expect(try await WebClient(app: app).signIn("patient.avery@demo.invalid", DemoSeed.password).status == .unauthorized)
        }
    }
}
