/// The four dimensions of mentalizing that should stay in balance.
public enum MentalizingDimension: String, Hashable, Sendable, Codable, CaseIterable {
    case selfOther, cognitiveAffective, internalExternal, automaticControlled
}

/// The pole a patient was stuck at on one dimension.
public enum MentalizingPole: String, Hashable, Sendable, Codable, CaseIterable {
    case selfFocused = "self", otherFocused = "other"
    case cognitive, affective
    case internalFocused = "internal", externalFocused = "external"
    case automatic, controlled

    public var dimension: MentalizingDimension {
        switch self {
        case .selfFocused, .otherFocused: .selfOther
        case .cognitive, .affective: .cognitiveAffective
        case .internalFocused, .externalFocused: .internalExternal
        case .automatic, .controlled: .automaticControlled
        }
    }
}

/// What the therapist observed of the patient's (or group's) mentalizing.
public struct ObservedMentalizing: Hashable, Sendable, Codable {
    public var modes: Set<PrementalizingMode>
    /// Imbalances, as the pole the patient was stuck at; at most one pole per dimension.
    public private(set) var imbalances: Set<MentalizingPole>

    public init(modes: Set<PrementalizingMode> = [], imbalances: Set<MentalizingPole> = []) throws(NoteRefusal) {
        let dimensions = imbalances.map(\.dimension)
        guard Set(dimensions).count == dimensions.count else { throw .bothPoles }
        self.modes = modes
        self.imbalances = imbalances
    }

    public static let none = ObservedMentalizing(checkedModes: [], imbalances: [])

    private init(checkedModes: Set<PrementalizingMode>, imbalances: Set<MentalizingPole>) {
        modes = checkedModes
        self.imbalances = imbalances
    }
}
