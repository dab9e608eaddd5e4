/// What kind of thing a user may do. A user may hold several roles; relationships say to whom.
public enum Role: String, Sendable, Codable, CaseIterable {
    case patient, therapist, supervisor, programmeLead, admin

    /// Clinical staff roles: the ones that may hold caseloads, author notes and use break-glass.
    public static let clinicalStaff: Set<Role> = [.therapist, .supervisor, .programmeLead]
}

/// The user asking for access: who they are and which roles they hold.
public struct Actor: Hashable, Sendable, Codable {
    public let userID: UserID
    public let roles: Set<Role>

    public init(userID: UserID, roles: Set<Role>) {
        self.userID = userID
        self.roles = roles
    }

    /// True when the actor holds at least one of `roles`.
    public func holdsAny(of roles: Set<Role>) -> Bool { !self.roles.isDisjoint(with: roles) }
}
