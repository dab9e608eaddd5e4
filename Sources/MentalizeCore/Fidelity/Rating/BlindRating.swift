/// Blind double rating of one piece of material: a rater sees their own rating at any time and the
/// others' only once every rater asked has submitted; everyone else who may read the ratings (the
/// rated therapist, their supervisors) sees them only then. A rating not yet submitted is its
/// rater's alone.
public struct BlindRating: Sendable {
    /// One rater asked, and whether their rating is in.
    public struct Assignment: Hashable, Sendable {
        public let rater: UserID
        public let submitted: Bool

        public init(rater: UserID, submitted: Bool) {
            self.rater = rater
            self.submitted = submitted
        }
    }

    public let assignments: [Assignment]

    public init(_ assignments: [Assignment]) {
        self.assignments = assignments
    }

    /// True when every rater asked has submitted.
    public var isComplete: Bool {
        !assignments.isEmpty && assignments.allSatisfy(\.submitted)
    }

    /// The raters whose ratings `viewer` may see now.
    public func visibleRaters(to viewer: UserID) -> Set<UserID> {
        if isComplete { return Set(assignments.map(\.rater)) }
        return assignments.contains { $0.rater == viewer } ? [viewer] : []
    }
}
