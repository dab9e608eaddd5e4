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
}
