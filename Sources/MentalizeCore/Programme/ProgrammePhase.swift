/// Where a patient is on the MBT pathway (see docs: the programme). Stored as its raw value.
public enum ProgrammePhase: String, CaseIterable, Codable, Sendable {
    case referral
    case assessment
    case mbtIntroductory = "mbt-i"
    case treatment
    case ending
    case followUp = "follow-up"
    case discharged
}
