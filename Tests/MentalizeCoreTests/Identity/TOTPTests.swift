import Foundation
import MentalizeCore
import Testing

/// TOTP against RFC 6238 Appendix B (SHA-1), window and replay rules, and the otpauth URI.
struct TOTPTests {
    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test("RFC 6238 SHA-1 test vectors (8 digits) and their 6-digit forms", arguments: [
        (59.0, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfcVectors(seconds: Double, expected: String) {
        let time = Date(timeIntervalSince1970: seconds)
        let eight = TOTP(secret: Self.rfcSecret, digits: 8)
        let six = TOTP(secret: Self.rfcSecret)
        #expect(eight.code(forStep: eight.timeStep(at: time)) == expected)
        #expect(six.code(forStep: six.timeStep(at: time)) == String(expected.suffix(6)))
    }

    @Test("codes from the previous, current and next step are accepted; two steps away are not")
    func window() {
        // setup
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let step = totp.timeStep(at: now)
        // verify
        for offset: Int64 in [-1, 0, 1] {
            #expect(totp.verify(totp.code(forStep: step + offset), at: now, lastUsedStep: nil) == .accepted(step: step + offset))
        }
        for offset: Int64 in [-2, 2] {
            #expect(totp.verify(totp.code(forStep: step + offset), at: now, lastUsedStep: nil) == .invalid)
        }
    }

    @Test("a code whose step is not newer than the last used step is a replay")
    func replay() {
        // setup
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let step = totp.timeStep(at: now)
        let code = totp.code(forStep: step)
        // act
        let first = totp.verify(code, at: now, lastUsedStep: step - 1)
        let again = totp.verify(code, at: now.addingTimeInterval(5), lastUsedStep: step)
        let older = totp.verify(totp.code(forStep: step - 1), at: now, lastUsedStep: step)
        // verify
        #expect(first == .accepted(step: step))
        #expect(again == .replayed)
        #expect(older == .replayed)
    }

    @Test("the replay rule accepts only newer steps", arguments: [
        (Int64(10), Int64?.none, true), (10, 9, true), (10, 10, false), (10, 11, false),
    ])
    func replayRule(step: Int64, lastUsed: Int64?, fresh: Bool) {
        #expect(TOTPReplayRule.isFresh(step: step, lastUsedStep: lastUsed) == fresh)
    }

    @Test("malformed codes are invalid; spaces are ignored", arguments: ["", "12345", "1234567", "12a456", "١٢٣٤٥٦"])
    func malformed(code: String) {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.verify(code, at: Date(timeIntervalSince1970: 59), lastUsedStep: nil) == .invalid)
    }

    @Test("a code typed with a space in the middle is accepted")
    func spacedCode() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 59)
        let code = totp.code(forStep: totp.timeStep(at: now))
        let spaced = String(code.prefix(3)) + " " + String(code.suffix(3))
        #expect(totp.verify(spaced, at: now, lastUsedStep: nil) == .accepted(step: 1))
    }

    @Test("generated secrets are 160 bits and differ")
    func secrets() {
        let first = TOTP.generateSecret()
        let second = TOTP.generateSecret()
        #expect(first.count == 20)
        #expect(first != second)
    }

    @Test("the otpauth URI percent-encodes issuer and account and carries the Base32 secret")
    func otpauthURI() {
        let uri = OTPAuthURI.make(secret: Array("foobar".utf8), issuer: "Mentalize Clinic", account: "ada+mbt@example.org")
        #expect(uri == "otpauth://totp/Mentalize%20Clinic:ada%2Bmbt%40example.org?secret=MZXW6YTBOI"
                + "&issuer=Mentalize%20Clinic&algorithm=SHA1&digits=6&period=30")
        #expect(OTPAuthURI.percentEncode("a:b/ü~") == "a%3Ab%2F%C3%BC~")
    }
}
