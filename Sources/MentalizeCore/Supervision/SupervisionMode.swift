/// What a supervision link lets the supervisor do with the supervisee's notes.
public enum SupervisionMode: String, Codable, Sendable, CaseIterable {
    /// The supervisor may read the supervisee's notes.
    case view
    /// A note enters the record only when the supervisor approves it.
    case approve
    /// The supervisee signs the note (it enters the record), then the supervisor counter-signs.
    case coSign = "co-sign"

    /// True when a signed note of the supervisee goes to the supervisor for review.
    public var reviewsNotes: Bool { self != .view }

    /// The words staff see.
    public var displayName: String {
        switch self {
        case .view: "Reads notes"
        case .approve: "Approves notes"
        case .coSign: "Co-signs notes"
        }
    }
}
