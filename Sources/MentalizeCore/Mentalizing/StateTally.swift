/// Counts of the unquoted mental-state mentions by class, holder, negation, embedding and stance,
/// written as the `states.*`, `holder.*`, `other.*` and `has.*` features.
struct StateTally {
    private var total = 0.0
    private var byClass = [Double](repeating: 0, count: 4)
    private var byHolder = [Double](repeating: 0, count: 5)
    private var negated = 0.0, embedded = 0.0, embeddedCognitive = 0.0
    private var otherHedged = 0.0, otherAsserted = 0.0, specificEmotions = 0.0

    private static let classNames = ["states.cognitive", "states.affective", "states.desire", "states.perception"]
    private static let holderNames = [
        "holder.self", "holder.specificOther", "holder.generic", "holder.addressee", "holder.unspecified",
    ]

    init(_ states: [MentalStateTagger.Tagged]) {
        for state in states where !state.mention.quoted {
            let mention = state.mention
            total += 1
            byClass[Self.slot(of: mention.stateClass)] += 1
            byHolder[Self.slot(of: mention.holder)] += 1
            if mention.negated { negated += 1 }
            if mention.embedded {
                embedded += 1
                if mention.stateClass == .cognitive { embeddedCognitive += 1 }
            }
            let otherHeld = mention.holder == .specificOther || mention.holder == .addressee
            if otherHeld && mention.stance == .hedged { otherHedged += 1 }
            if otherHeld && mention.stance == .asserted { otherAsserted += 1 }
            if (mention.emotionLevel ?? 0) >= 4 { specificEmotions += 1 }
        }
    }

    /// Counts are written only when positive (as before); presence flags always.
    func write(into counts: inout [String: Double]) {
        func setIfPositive(_ name: String, _ value: Double) { if value > 0 { counts[name] = value } }
        setIfPositive("states", total)
        for (slot, name) in Self.classNames.enumerated() { setIfPositive(name, byClass[slot]) }
        for (slot, name) in Self.holderNames.enumerated() { setIfPositive(name, byHolder[slot]) }
        setIfPositive("states.negated", negated)
        setIfPositive("states.embedded", embedded)
        setIfPositive("states.embeddedCognitive", embeddedCognitive)
        setIfPositive("other.hedged", otherHedged)
        setIfPositive("other.asserted", otherAsserted)
        setIfPositive("emotion.specific", specificEmotions)
        counts["has.cognitive"] = byClass[0] > 0 ? 1 : 0
        counts["has.affective"] = byClass[1] > 0 ? 1 : 0
        counts["has.desire"] = byClass[2] > 0 ? 1 : 0
        counts["has.perception"] = byClass[3] > 0 ? 1 : 0
        counts["has.embedded"] = embedded > 0 ? 1 : 0
    }

    private static func slot(of stateClass: MentalStateClass) -> Int {
        switch stateClass {
        case .cognitive: return 0
        case .affective: return 1
        case .desire: return 2
        case .perception: return 3
        }
    }

    private static func slot(of holder: MentalStateHolder) -> Int {
        switch holder {
        case .selfHolder: return 0
        case .specificOther: return 1
        case .generic: return 2
        case .addressee: return 3
        case .unspecified: return 4
        }
    }
}
