import MentalizeCore
import Testing

/// Password rules: length in user-visible characters, blocklist, personal details.
struct PasswordPolicyTests {
    static let blocklist = PasswordBlocklist(entries: ["password1234", "correcthorse"])
    let policy = PasswordPolicy(blocklist: blocklist)

    func problems(_ password: String, totp: Bool = false, name: String? = "Ada Lovelace",
                  email: String? = "ada@example.org") -> [PasswordProblem] {
        policy.problems(password: password, totpEnabled: totp, name: name, email: email)
    }

    @Test("12 characters are enough without TOTP, 8 with it; one fewer is refused")
    func minimumLength() {
        #expect(problems("abcdefghijk") == [.tooShort(minimum: 12)])
        #expect(problems("abcdefghijkl").isEmpty)
        #expect(problems("abcdefg", totp: true) == [.tooShort(minimum: 8)])
        #expect(problems("abcdefgh", totp: true).isEmpty)
        #expect(problems("") == [.tooShort(minimum: 12)])
    }

    @Test("128 characters are allowed, 129 are not")
    func maximumLength() {
        #expect(problems(String(repeating: "x", count: 128)).isEmpty)
        #expect(problems(String(repeating: "x", count: 129)) == [.tooLong(maximum: 128)])
    }

    @Test("length counts characters as the user sees them (grapheme clusters), not bytes or scalars")
    func graphemeLength() {
        // setup: 12 user-visible characters, each e + combining acute accent (2 scalars, 3 bytes)
        let accented = String(repeating: "e\u{301}", count: 12)
        let family = String(repeating: "👨‍👩‍👧", count: 11)
        // verify
        #expect(accented.unicodeScalars.count == 24)
        #expect(problems(accented).isEmpty)
        #expect(problems(family) == [.tooShort(minimum: 12)])
    }

    @Test("a password of many combining marks is too long by bytes even if few characters")
    func byteCap() {
        let heavy = "a" + String(repeating: "\u{301}", count: 600) + "bcdefghijkl"
        #expect(heavy.count == 12)
        #expect(problems(heavy) == [.tooLong(maximum: 128)])
    }

    @Test("blocklisted passwords are refused case-insensitively")
    func blocklisted() {
        #expect(problems("Password1234") == [.commonPassword])
        #expect(problems("CORRECTHORSE", totp: true) == [.commonPassword])
        #expect(problems("correcthorse2").isEmpty)
    }

    @Test("the user's own name or email is refused", arguments: ["Ada Lovelace", "adalovelace", "ADA@example.org"])
    func personalDetails(password: String) {
        let found = policy.problems(password: password, totpEnabled: true, name: "Ada Lovelace", email: "ada@example.org")
        #expect(found.contains(.matchesPersonalDetails))
    }

    @Test("every problem is reported at once")
    func allProblems() {
        let found = policy.problems(password: "ada", totpEnabled: false, name: nil, email: "ada@example.org")
        #expect(found == [.tooShort(minimum: 12), .matchesPersonalDetails])
    }

    @Test("no composition rules: letters only, digits only and spaces are all fine")
    func noCompositionRules() {
        #expect(problems("aaaabbbbccccdddd").isEmpty)
        #expect(problems("839201746528").isEmpty)
        #expect(problems("four words with spaces").isEmpty)
    }

    @Test("the bundled zxcvbn-derived blocklist loads and blocks common passwords")
    func bundledBlocklist() throws {
        // act
        let bundled = try PasswordBlocklist.loadBundled()
        let policy = PasswordPolicy(blocklist: bundled)
        // verify
        #expect(bundled.count > 5_000 && bundled.count < 50_000)
        #expect(bundled.contains("PASSWORD"))
        #expect(bundled.contains("qwertyuiop"))
        #expect(!bundled.contains("mentalization-based treatment"))
        #expect(policy.problems(password: "iloveyou", totpEnabled: true, name: nil, email: nil) == [.commonPassword])
    }
}
