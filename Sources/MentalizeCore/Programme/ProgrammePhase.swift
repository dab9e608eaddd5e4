/// Where a patient is on the MBT pathway (see docs: the programme). Stored as its raw value.
public enum ProgrammePhase: String, CaseIterable, Codable, Sendable {
    case referral
    case assessment
    case mbtIntroductory = "mbt-i"
    case treatment
    case ending
    case followUp = "follow-up"
    case discharged

    /// The words staff see for the phase.
    public var displayName: String {
        switch self {
        case .referral: "Referral"
        case .assessment: "Assessment"
        case .mbtIntroductory: "MBT-I (introductory group)"
        case .treatment: "Treatment"
        case .ending: "Ending"
        case .followUp: "Follow-up"
        case .discharged: "Discharged"
        }
    }
}
