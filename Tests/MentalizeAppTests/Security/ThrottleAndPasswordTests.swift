import Foundation
import MentalizeCore
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct ThrottleTests {
    let patient = "patient.avery@demo.invalid"

    @Test func repeatedFailuresSlowDownEvenTheRightPassword() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            app.clock.freeze()
            let client = WebClient(app: app)
            let schedule = LoginThrottle().perAccount
            for _ in 0...schedule.freeFailures {
                #expect(try await client.signIn(patient, "wrong-password-here").status == .unauthorized)
            }
            let blocked = try await client.signIn(patient, DemoSeed.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(client.sessionCookie == nil)
            app.clock.advance(by: schedule.delay(afterFailures: schedule.freeFailures + 1) + 1)
            #expect(try await client.signIn(patient, DemoSeed.password).status == .seeOther)
        }
    }

    @Test func unknownAccountsAreThrottledTheSameWay() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            app.clock.freeze()
            let client = WebClient(app: app)
            for _ in 0...LoginThrottle().perAccount.freeFailures {
                let status = try await client.signIn("ghost@demo.invalid", "wrong-password-here").status
                #expect(status == .unauthorized)
            }
            let status = try await client.signIn("ghost@demo.invalid", "wrong-password-here").status
            #expect(status == .tooManyRequests)
        }
    }
}

@Suite struct PasswordHashingTests {
    let hasher = PasswordHasher(parameters: .fastForTests)

    @Test func aPasswordVerifiesAndAnotherDoesNot() async throws {
        let stored = try await hasher.hash("correct horse battery staple")
        #expect(stored.hasPrefix("scrypt$10$8$1$"))
        #expect(try await hasher.verify("correct horse battery staple", against: stored))
        #expect(try await !hasher.verify("correct horse battery stapler", against: stored))
    }

    @Test func passwordsThatDifferOnlyAfterByte72DoNotVerifyEachOther() async throws {
        let common = String(repeating: "a", count: 90)
        let first = common + "0123456789"
        let second = common + "9876543210"
        #expect(first.utf8.count == 100 && second.utf8.count == 100)
        let stored = try await hasher.hash(first)
        #expect(try await hasher.verify(first, against: stored))
        #expect(try await !hasher.verify(second, against: stored))
    }

    @Test func theSamePasswordHashesDifferentlyEachTime() async throws {
        let a = try await hasher.hash("same password twice")
        let b = try await hasher.hash("same password twice")
        #expect(a != b)
    }

    @Test(arguments: ["", "scrypt$", "bcrypt$2b$12$abc", "scrypt$99$8$1$AAAA$AAAA", "scrypt$15$8$1$!!$??"])
    func malformedStoredHashesNeverVerify(stored: String) async throws {
        #expect(try await !hasher.verify("anything at all", against: stored))
    }

    @Test func theStandardCostIsScryptN32768() {
        #expect(PasswordHasher.Parameters.standard == .init(logN: 15, r: 8, p: 1))
    }
}
