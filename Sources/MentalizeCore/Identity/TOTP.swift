import Crypto
public import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps.
public struct TOTP: Sendable {
    /// The shared secret (160 bits when made by `generateSecret`).
    public let secret: [UInt8]
    public let digits: Int
    public let period: Int64

    /// A generator; `digits` is clamped to 6...8 as RFC 4226 allows.
    public init(secret: [UInt8], digits: Int = 6, period: Int64 = 30) {
        self.secret = secret
        self.digits = min(max(digits, 6), 8)
        self.period = max(period, 1)
    }

    /// A fresh 160-bit secret from the system's cryptographically secure generator.
    public static func generateSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The time step containing `date`: floor(unix seconds / period).
    public func timeStep(at date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 9e15 else { return 0 }
        let whole = Int64(seconds)
        return whole >= 0 ? whole / period : (whole - period + 1) / period
    }

    /// The code for one time step, zero-padded to `digits`.
    public func code(forStep step: Int64) -> String {
        let counter = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> UInt64(56 - 8 * $0)) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// Checks `code` against the steps within `window` of `now`. Returns the newest matching step that is
    /// fresh (`TOTPReplayRule`), `.replayed` when only used steps match, `.invalid` otherwise.
    /// Spaces in the input are ignored; every candidate is compared in constant time.
    public func verify(_ code: String, at now: Date, lastUsedStep: Int64?, window: Int64 = 1) -> TOTPVerification {
        let typed = Array(code.filter { $0 != " " }.utf8)
        guard typed.count == digits, typed.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .invalid
        }
        let current = timeStep(at: now)
        var matched: [Int64] = []
        for step in (current - window)...(current + window)
        where ConstantTime.equal(Array(self.code(forStep: step).utf8), typed) {
            matched.append(step)
        }
        if let fresh = matched.filter({ TOTPReplayRule.isFresh(step: $0, lastUsedStep: lastUsedStep) }).max() {
            return .accepted(step: fresh)
        }
        return matched.isEmpty ? .invalid : .replayed
    }
}

/// The outcome of checking a TOTP code.
public enum TOTPVerification: Hashable, Sendable {
    /// The code matched this step; store it as the user's last used step.
    case accepted(step: Int64)
    /// The code matched only steps already used (a replay).
    case replayed
    /// The code did not match.
    case invalid
}

/// Replay protection: a step is accepted only if it is newer than the last step the user used.
public enum TOTPReplayRule {
    /// True when `step > lastUsedStep` (or no step was used yet).
    public static func isFresh(step: Int64, lastUsedStep: Int64?) -> Bool {
        guard let lastUsedStep else { return true }
        return step > lastUsedStep
    }
}

/// Comparison whose duration does not depend on where the inputs first differ.
public enum ConstantTime {
    /// True when `lhs` and `rhs` hold the same bytes; inputs of different length compare unequal.
    public static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
