import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct SecondFactorTests {
    let therapist = "therapist.ash@demo.invalid"

    private func currentCode(_ secret: [UInt8], _ app: Application, stepOffset: Int64 = 0) -> String {
        let totp = TOTP(secret: secret)
        return totp.code(forStep: totp.timeStep(at: app.clock.now()) + stepOffset)
    }

    @Test func staffFinishSignInWithTheCurrentCodeAndGetANewSessionID() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let client = WebClient(app: app)
            try await client.signIn(therapist, DemoSeed.password)
            let halfway = try #require(client.sessionCookie)
            let page = try await client.get("/sign-in/second-factor")
            #expect(page.body.string.contains("6-digit code"))
            let secret = try #require(DemoStaff.member(named: therapist)).totpSecret
            let response = try await client.post("/sign-in/second-factor", form: ["code": currentCode(secret, app)])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/home")
            #expect(client.sessionCookie != halfway, "the session id changes with the privilege")
            #expect(try await client.get("/home").status == .ok)
        }
    }

    @Test func aCodeCannotBeUsedTwice() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let secret = try #require(DemoStaff.member(named: therapist)).totpSecret
            let code = currentCode(secret, app)
            let first = WebClient(app: app)
            try await first.signIn(therapist, DemoSeed.password)
            try await first.get("/sign-in/second-factor")
            #expect(try await first.post("/sign-in/second-factor", form: ["code": code]).status == .seeOther)
            let second = WebClient(app: app)
            try await second.signIn(therapist, DemoSeed.password)
            try await second.get("/sign-in/second-factor")
            let replay = try await second.post("/sign-in/second-factor", form: ["code": code])
            #expect(replay.status == .unauthorized)
            #expect(replay.body.string.contains("That code did not work"))
            #expect(try await second.get("/home").status == .seeOther)
        }
    }

    @Test func aWrongCodeIsRefusedAndRepeatedGuessesAreThrottled() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            app.clock.freeze()
            let client = WebClient(app: app)
            try await client.signIn(therapist, DemoSeed.password)
            try await client.get("/sign-in/second-factor")
            let secret = try #require(DemoStaff.member(named: therapist)).totpSecret
            let stale = currentCode(secret, app, stepOffset: -10)
            var statuses: [HTTPStatus] = []
            for _ in 0...(LoginThrottle().perAccount.freeFailures + 1) {
                statuses.append(try await client.post("/sign-in/second-factor", form: ["code": stale]).status)
            }
            #expect(statuses.first == .unauthorized)
            #expect(statuses.last == .tooManyRequests)
            let right = try await client.post("/sign-in/second-factor", form: ["code": currentCode(secret, app)])
            #expect(right.status == .tooManyRequests, "even the right code waits out the back-off")
        }
    }

    @Test func aNewStaffMemberEnrolsGetsRecoveryCodesAndEachWorksOnce() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a staff account without a second factor yet
            let accounts = AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now())
            try await accounts.create(clinicID: DemoSeed.clinicID, username: "new.therapist@demo.invalid", displayName: "New Therapist", roles: ["therapist"], password: "a long enough password 1")
            let client = WebClient(app: app)
            try await client.signIn("new.therapist@demo.invalid", "a long enough password 1")
            // act: enrol with the key the page shows
            let page = try await client.get("/sign-in/second-factor").body.string
            let uri = try #require(page.firstMatch(of: /secret=([A-Z2-7]+)/))
            let secret = try Base32.decode(String(uri.1))
            #expect(secret.count == 20)
            let enrolled = try await client.post("/sign-in/second-factor", form: ["code": currentCode(secret, app)])
            #expect(enrolled.status == .ok)
            let codes = enrolled.body.string.matches(of: /<code>([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})<\/code>/).map { String($0.1) }
            #expect(codes.count == 10)
            #expect(try await client.get("/home").status == .ok)
            let stored = try await RecoveryCode.query(on: app.db).all().map(\.codeHash)
            #expect(stored.count == 10 && !stored.contains(codes[0]), "stored hashed")
            // verify: a recovery code signs in once
            let later = WebClient(app: app)
            try await later.signIn("new.therapist@demo.invalid", "a long enough password 1")
            try await later.get("/sign-in/second-factor")
            #expect(try await later.post("/sign-in/second-factor", form: ["recoveryCode": codes[3].lowercased()]).status == .seeOther)
            let again = WebClient(app: app)
            try await again.signIn("new.therapist@demo.invalid", "a long enough password 1")
            try await again.get("/sign-in/second-factor")
            #expect(try await again.post("/sign-in/second-factor", form: ["recoveryCode": codes[3]]).status == .unauthorized)
        }
    }

    @Test func theTOTPSecretIsSealedAtRest() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let secret = try #require(DemoStaff.member(named: therapist)).totpSecret
            let credential = try #require(try await Credential.query(on: app.db).filter(\.$user.$id == DemoStaff.therapistAsh.id).first())
            let sealed = try #require(credential.totpSecretSealed)
            #expect(!sealed.contains(Base32.encode(secret, padding: false)))
            #expect(Data(base64Encoded: sealed).map { !$0.contains(Data(secret)) } == true)
        }
    }
}
