/// Word-level features of certainty vs tentativeness (Pei & Jurgens's sentence ratings): modal verbs,
/// hedges and boosters, negations, and the research-stance families of reporting (past tense,
/// statistics, attribution, "results suggest that", numbers, parenthesised detail) and qualifying
/// (open questions, approximators, unknowns, concession, "it is not clear", "further research is
/// needed"), and the possibility modals may, might, could counted apart from can, would, should. The
/// words of a feature are evidence (`certainty.<feature>`) when the feature, or its presence flag,
/// moves the predicted 1–6 rating by at least `evidenceWeight` per word in the certainty weights.
enum CertaintyFeatures {
    static let evidenceWeight = 0.1

    /// Word flags counted per unquoted word, with the feature each one feeds.
    private static let families: [(flag: WordFlags, feature: String)] = [
        (.negator, "negations"), (.epistemicModal, "modals"), (.stanceHedge, "modalHedges"),
        (.stanceBooster, "strongBoosters"), (.scienceHedge, "science.hedges"), (.scienceBooster, "science.boosters"),
        (.firstPersonPlural, "firstPersonPlural"), (.conditional, "conditionals"), (.pastTense, "science.pastTense"),
        (.statistics, "science.statistics"), (.openQuestion, "science.openQuestions"),
        (.approximator, "science.approximators"), (.attribution, "science.attribution"), (.unknown, "science.unknowns"),
        (.concession, "science.concession"),
    ]
    private static let familyFlags: WordFlags = families.reduce([]) { $0.union($1.flag) }
    /// Features whose words can be evidence, in a fixed order: the families, then the rest.
    private static let evidenceFeatures = families.map(\.feature) + [
        "percents", "parentheses", "questions", "numbers", "science.negatedCertainty", "science.reportingThat",
        "hedges", "boosters", "possibilityModals", "science.furtherResearch",
    ]
    private static let evidenceRules = evidenceFeatures.map { "certainty.\($0)" }
    private static let percentSlot = families.count, parenthesisSlot = families.count + 1
    private static let questionSlot = families.count + 2, numberSlot = families.count + 3
    private static let negatedCertaintySlot = families.count + 4, reportingThatSlot = families.count + 5
    private static let hedgeSlot = families.count + 6, boosterSlot = families.count + 7
    private static let possibilityModalSlot = families.count + 8, furtherResearchSlot = families.count + 9

    /// Which features' words are shown as evidence under `model` (indexed like `evidenceFeatures`).
    static func shownEvidence(for model: LinearModel) -> [Bool] {
        evidenceFeatures.map { feature in
            let presence = feature.hasSuffix("s") ? "has." + feature.dropLast() : "has." + feature
            return max(abs(model.weights[feature] ?? 0), abs(model.weights[presence] ?? 0)) >= evidenceWeight
        }
    }

    static func add(_ context: AnalysisContext, into counts: inout [String: Double], evidence: inout FeatureEvidence,
                    shown: [Bool]) {
        let tokens = context.tokens
        var familyCounts = [Double](repeating: 0, count: families.count)
        var percents = 0.0, negatedCertainty = 0.0, reportingThat = 0.0, parentheses = 0.0
        var possibilityModals = 0.0, furtherResearch = 0.0
        func record(_ slot: Int, _ first: Int, _ end: Int) {
            if shown[slot] { evidence.add(first, end, rule: evidenceRules[slot]) }
        }
        for (index, token) in tokens.enumerated() where !token.quoted {
            guard token.isWord else {
                switch token.norm {
                case "%":
                    percents += 1
                    record(percentSlot, index, index + 1)
                case "(":
                    parentheses += 1
                    record(parenthesisSlot, index, index + 1)
                case "?": record(questionSlot, index, index + 1)
                default: break
                }
                continue
            }
            var flags = token.flags
            if flags.contains(.numericApproximator), !quantityFollows(index, in: tokens) {
                flags.subtract([.approximator, .scienceHedge])
            }
            if token.startsWithDigit { record(numberSlot, index, index + 1) }
            if flags.contains(.percentWord) {
                percents += 1
                record(percentSlot, index, index + 1)
            }
            if flags.contains(.certaintyWord), context.isNegated(index) {
                negatedCertainty += 1
                record(negatedCertaintySlot, max(0, index - 3), index + 1)
            }
            if flags.contains(.reportingVerb), index + 1 < tokens.count, tokens[index + 1].norm == "that" {
                reportingThat += 1
                record(reportingThatSlot, index, index + 2)
            }
            if flags.isSuperset(of: .possibilityModal) {
                possibilityModals += 1
                record(possibilityModalSlot, index, index + 1)
            }
            if flags.contains(.researchCall), let work = researchWork(after: index, in: tokens) {
                furtherResearch += 1
                record(furtherResearchSlot, index, work + 1)
            }
            guard !flags.isDisjoint(with: familyFlags) else { continue }
            for (slot, family) in families.enumerated() where flags.contains(family.flag) {
                familyCounts[slot] += 1
                record(slot, index, index + 1)
            }
        }
        for match in context.matches where !tokens[match.first].quoted {
            if match.category == .hedge { record(hedgeSlot, match.first, match.end) }
            if match.category == .booster { record(boosterSlot, match.first, match.end) }
        }
        for (slot, family) in families.enumerated() {
            counts[family.feature] = familyCounts[slot]
        }
        let modals = familyCounts[1], modalHedges = familyCounts[2]
        counts["has.modal"] = modals > 0 ? 1 : 0
        counts["has.modalHedge"] = modalHedges > 0 ? 1 : 0
        counts["percents"] = percents
        counts["science.negatedCertainty"] = negatedCertainty
        counts["science.reportingThat"] = reportingThat
        counts["parentheses"] = parentheses
        counts["possibilityModals"] = possibilityModals
        counts["science.furtherResearch"] = furtherResearch
    }

    /// Whether a number ("20", "half", "a dozen" reads as "dozen") follows the word at `index`.
    private static func quantityFollows(_ index: Int, in tokens: [TextToken]) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.startsWithDigit || WordSets.numberWords.contains(next.norm)
    }

    /// The index of a research noun one or two words after a call for more ("further research",
    /// "future randomized trials"), if there is one.
    private static func researchWork(after index: Int, in tokens: [TextToken]) -> Int? {
        (index + 1..<min(index + 3, tokens.count)).first { tokens[$0].flags.contains(.researchWork) }
    }
}
