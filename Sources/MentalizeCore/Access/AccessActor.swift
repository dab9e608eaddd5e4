/// The user asking for access: who they are and which roles they hold.
public struct AccessActor: Hashable, Sendable, Codable {
    public let userID: UserID
    public let roles: Set<Role>

    public init(userID: UserID, roles: Set<Role>) {
        self.userID = userID
        self.roles = roles
    }

    /// True when the actor holds at least one of `roles`.
    public func holdsAny(of roles: Set<Role>) -> Bool { !self.roles.isDisjoint(with: roles) }
}
