/// The fields of a diary entry, in the order the form walks through them. Raw values are the keys
/// used in validation errors and in the evidence that points back into an entry.
public enum DiaryField: String, Codable, Sendable, CaseIterable {
    case whatHappened
    case emotions
    case feelingsInMyWords
    case whatIThought
    case whatIDid
    case otherPersonsMind
    case otherExplanations
    case certaintyAboutTheirMind
    case forTherapy
    case visibility

    /// The free-text fields, in the order the analyzer reads them.
    public static let narrative: [DiaryField] = [
        .whatHappened, .feelingsInMyWords, .whatIThought, .whatIDid, .otherPersonsMind, .otherExplanations, .forTherapy,
    ]
}
