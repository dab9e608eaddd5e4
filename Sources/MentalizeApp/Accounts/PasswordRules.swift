import Foundation

/// The password rules (NIST SP 800-63B style): 12 to 128 characters, not the username or name,
/// no composition rules, no forced rotation. The common-password blocklist joins these checks.
enum PasswordRules {
    static let minimumLength = 12
    static let maximumLength = 128

    static func check(_ password: String, username: String, displayName: String) throws {
        let length = password.count
        guard length >= minimumLength else {
            throw AccountService.Problem(description: "the password must have at least \(minimumLength) characters")
        }
        guard length <= maximumLength else {
            throw AccountService.Problem(description: "the password must have at most \(maximumLength) characters")
        }
        let lowered = password.lowercased()
        guard lowered != username.lowercased(), lowered != displayName.lowercased() else {
            throw AccountService.Problem(description: "the password must not be the username or the person's name")
        }
    }
}
