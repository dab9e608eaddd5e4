/// One reason a chosen password is refused (the app words it in the reader's language).
public enum PasswordProblem: Hashable, Sendable {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case commonPassword
    case matchesPersonalDetails
}

/// The password rules: length only (no composition rules), a blocklist and the user's own details.
///
/// Length is counted in characters as the user sees them (Swift `Character`s: Unicode extended
/// grapheme clusters), so "é" written as e + combining accent counts once. A password is also too long
/// when it exceeds `maximumBytes` UTF-8 bytes, which bounds the work for pathological combining sequences.
public struct PasswordPolicy: Sendable {
    public var minimumLength = 12
    public var minimumLengthWithTOTP = 8
    public var maximumLength = 128
    public var maximumBytes = 1024
    public let blocklist: PasswordBlocklist

    public init(blocklist: PasswordBlocklist) {
        self.blocklist = blocklist
    }

    /// Every problem with `password` (empty when it is acceptable).
    public func problems(password: String, totpEnabled: Bool, name: String?, email: String?) -> [PasswordProblem] {
        var problems: [PasswordProblem] = []
        let minimum = totpEnabled ? minimumLengthWithTOTP : minimumLength
        let length = password.count
        if length < minimum { problems.append(.tooShort(minimum: minimum)) }
        if length > maximumLength || password.utf8.count > maximumBytes {
            problems.append(.tooLong(maximum: maximumLength))
        }
        if blocklist.contains(password) { problems.append(.commonPassword) }
        if Self.personalDetails(name: name, email: email).contains(password.lowercased()) {
            problems.append(.matchesPersonalDetails)
        }
        return problems
    }

    /// The lower-cased forms of the user's details a password may not equal: the name, the name
    /// without spaces, the email address and its local part.
    static func personalDetails(name: String?, email: String?) -> Set<String> {
        var details = Set<String>()
        if let name = name?.lowercased(), !name.isEmpty {
            details.insert(name)
            details.insert(name.filter { !$0.isWhitespace })
        }
        if let email = email?.lowercased(), !email.isEmpty {
            details.insert(email)
            if let local = email.split(separator: "@").first, !local.isEmpty { details.insert(String(local)) }
        }
        return details
    }
}
