import Foundation
import MentalizeCore

/// The current second-factor code of a demo staff account (its secret is fixed and public).
enum DemoTOTP {
    static func currentCode(for username: String, now: Date) throws -> String {
        guard let member = DemoStaff.member(named: username) else {
            throw ConfigurationError("\(username) is not a demo staff account: use one of \(DemoStaff.all.map(\.username).joined(separator: ", "))")
        }
        let totp = TOTP(secret: member.totpSecret)
        return totp.code(forStep: totp.timeStep(at: now))
    }
}
