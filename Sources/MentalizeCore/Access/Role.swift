/// What kind of thing a user may do. A user may hold several roles; relationships say to whom.
public enum Role: String, Sendable, Codable, CaseIterable {
    case patient, therapist, supervisor, programmeLead, admin

    /// Clinical staff roles: the ones that may hold caseloads, author notes and use break-glass.
    public static let clinicalStaff: Set<Role> = [.therapist, .supervisor, .programmeLead]
}
