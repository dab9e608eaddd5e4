/// The MBT interventions a therapist records as used in a session, roughly from supportive to
/// relational.
public enum MBTIntervention: String, Hashable, Sendable, Codable, CaseIterable {
    case empathicValidation
    case clarificationAndExploration
    case stopAndRewind
    case affectFocus
    case challenge
    case mentalizingTheRelationship
    case praisingGoodMentalizing

    public var displayName: String {
        switch self {
        case .empathicValidation: "Empathic validation"
        case .clarificationAndExploration: "Clarification and exploration"
        case .stopAndRewind: "Stop and rewind"
        case .affectFocus: "Affect focus"
        case .challenge: "Challenge"
        case .mentalizingTheRelationship: "Mentalizing the relationship"
        case .praisingGoodMentalizing: "Praising good mentalizing"
        }
    }
}
