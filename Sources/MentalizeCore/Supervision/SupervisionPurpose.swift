/// Why a supervisor supervises a therapist: a therapist may have several supervisors, each for
/// a purpose (MBT supervision toward accreditation, and supervision their licence requires).
public enum SupervisionPurpose: String, Codable, Sendable, CaseIterable {
    case mbt
    case licensing

    /// The words staff see.
    public var displayName: String {
        switch self {
        case .mbt: "MBT supervision"
        case .licensing: "Licensing supervision"
        }
    }
}
