import Foundation

/// Computes the raw feature counts that the weights combine; every value is shown to clinicians.
enum FeatureExtractor {
    /// Lexicon families counted per unquoted match, with their feature names.
    private static let matchKeys: [(LexiconCategory, String)] = [
        (.action, "actions"), (.hedge, "hedges"), (.booster, "boosters"), (.absolute, "absolutes"),
        (.traitLabel, "traitLabels"), (.jargon, "jargon"), (.vagueQualifier, "vague"), (.perspective, "perspective"),
        (.temporalFrame, "temporal"), (.concreteAnchor, "anchors"), (.filler, "fillers"),
    ]

    /// Counts kept in local tallies while scanning, so each feature name is hashed once when written;
    /// `qualityEvidence` collects the words behind the explanation-quality features.
    static func features(of context: AnalysisContext, qualityEvidence: inout QualityEvidence) -> [String: Double] {
        var counts: [String: Double] = [:]
        counts.reserveCapacity(128)
        func setIfPositive(_ name: String, _ value: Double) { if value > 0 { counts[name] = value } }

        let words = Double(context.wordCount)
        counts["words"] = words
        counts["logWords"] = log(1 + words)
        counts["sentences"] = Double(context.sentenceCount)
        let states = StateTally(context.states)
        states.write(into: &counts)
        var matchCounts = [Double](repeating: 0, count: LexiconCategory.allCases.count)
        for match in context.matches where !context.tokens[match.first].quoted {
            matchCounts[Int(match.category.rawValue)] += 1
        }
        for (category, name) in Self.matchKeys { setIfPositive(name, matchCounts[Int(category.rawValue)]) }
        let hedges = matchCounts[Int(LexiconCategory.hedge.rawValue)]
        let boosters = matchCounts[Int(LexiconCategory.booster.rawValue)]
        let traitLabels = matchCounts[Int(LexiconCategory.traitLabel.rawValue)]
        addCausalLinks(context, into: &counts, evidence: &qualityEvidence)
        addPunctuation(context, into: &counts)
        counts["hedgeRate"] = hedges / max(words, 1) * 10
        counts["boosterRate"] = boosters / max(words, 1) * 10
        let dontKnow = isDontKnow(context)
        counts["dontKnow"] = dontKnow ? 1 : 0
        if dontKnow, !context.tokens.isEmpty { qualityEvidence.add(0, context.tokens.count, rule: "quality.dont-know") }
        counts["has.traitLabel"] = traitLabels > 0 ? 1 : 0
        var modalHedges = 0.0, strongBoosters = 0.0, modals = 0.0, negations = 0.0
        for token in context.tokens where token.isWord && !token.quoted {
            let flags = token.flags
            if flags.contains(.negator) { negations += 1 }
            if flags.contains(.epistemicModal) { modals += 1 }
            if flags.contains(.stanceHedge) { modalHedges += 1 }
            if flags.contains(.stanceBooster) { strongBoosters += 1 }
        }
        counts["modalHedges"] = modalHedges
        counts["modals"] = modals
        counts["has.modal"] = modals > 0 ? 1 : 0
        counts["negations"] = negations
        counts["has.hedge"] = hedges > 0 ? 1 : 0
        counts["has.modalHedge"] = modalHedges > 0 ? 1 : 0
        counts["strongBoosters"] = strongBoosters
        ExplanationDepthFeatures.add(context, into: &counts, evidence: &qualityEvidence)
        NamedStateFeatures.add(context, into: &counts, evidence: &qualityEvidence)
        addScienceStance(context, into: &counts)
        return counts
    }

    /// Research-sentence stance: hedges, result verbs, percentages, "we", "if", and the word families
    /// of reporting (past tense, statistics, attribution, "results suggest that", parenthesised detail)
    /// and qualifying (open questions, approximators, unknowns, concession, "it is not clear").
    private static let stanceFamilies: [(WordFlags, String)] = [
        (.scienceHedge, "science.hedges"), (.scienceBooster, "science.boosters"), (.firstPersonPlural, "firstPersonPlural"),
        (.conditional, "conditionals"), (.pastTense, "science.pastTense"), (.statistics, "science.statistics"),
        (.openQuestion, "science.openQuestions"), (.approximator, "science.approximators"),
        (.attribution, "science.attribution"), (.unknown, "science.unknowns"), (.concession, "science.concession"),
    ]

    private static func addScienceStance(_ context: AnalysisContext, into counts: inout [String: Double]) {
        var familyCounts = [Double](repeating: 0, count: stanceFamilies.count)
        var percents = 0.0, negatedCertainty = 0.0, reportingThat = 0.0, parentheses = 0.0
        let tokens = context.tokens
        for (index, token) in tokens.enumerated() where !token.quoted {
            guard token.isWord else {
                if token.norm == "%" { percents += 1 }
                if token.norm == "(" { parentheses += 1 }
                continue
            }
            if token.flags.contains(.percentWord) { percents += 1 }
            if token.flags.contains(.certaintyWord), context.isNegated(index) { negatedCertainty += 1 }
            if token.flags.contains(.reportingVerb), index + 1 < tokens.count, tokens[index + 1].norm == "that" {
                reportingThat += 1
            }
            for (index, family) in stanceFamilies.enumerated() where token.flags.contains(family.0) {
                familyCounts[index] += 1
            }
        }
        counts["percents"] = percents
        counts["science.negatedCertainty"] = negatedCertainty
        counts["science.reportingThat"] = reportingThat
        counts["parentheses"] = parentheses
        for (index, family) in stanceFamilies.enumerated() {
            counts[family.1] = familyCounts[index]
        }
    }

    /// A causal marker followed in its sentence by a mental state (a state cause) or not (an event cause).
    private static func addCausalLinks(_ context: AnalysisContext, into counts: inout [String: Double],
                                       evidence: inout QualityEvidence) {
        var state = 0.0, event = 0.0
        for index in context.tokens.indices where context.isCausal(at: index) && !context.tokens[index].quoted {
            let sentence = context.tokens[index].sentence
            let holdsState = context.states.contains {
                $0.first > index && $0.first - index <= 10 && $0.mention.sentence == sentence && !$0.mention.quoted
            }
            if holdsState {
                state += 1
            } else {
                event += 1
                evidence.add(index, index + 1, rule: "quality.event-cause")
            }
        }
        counts["causal.state"] = state
        counts["causal.event"] = event
        counts["has.causalState"] = state > 0 ? 1 : 0
    }

    private static func addPunctuation(_ context: AnalysisContext, into counts: inout [String: Double]) {
        var exclamations = 0.0, questions = 0.0, shouted = 0.0, numbers = 0.0, quotes = 0.0
        for token in context.tokens {
            switch token.norm {
            case "!": exclamations += 1
            case "?": questions += 1
            case "\"": quotes += 1
            default:
                if token.shouted && token.norm != "i" { shouted += 1 }
                if token.isWord, let first = token.norm.utf8.first, first >= 48 && first <= 57 {
                    numbers += 1
                }
            }
        }
        counts["exclamations"] = exclamations
        counts["questions"] = questions
        counts["shoutedWords"] = shouted
        counts["numbers"] = numbers
        counts["quotes"] = quotes
    }

    /// The whole text is a "don't know" answer.
    private static func isDontKnow(_ context: AnalysisContext) -> Bool {
        guard context.wordCount <= 6 else { return false }
        let words = context.tokens.filter(\.isWord).map(\.norm)
        guard words.count <= 6 else { return false }
        return words.contains("know") && words.contains("not") || words == ["idk"]
    }
}
