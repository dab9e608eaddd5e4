import Foundation

/// Computes the raw feature counts that the weights combine; every value is shown to clinicians.
enum FeatureExtractor {
    /// Lexicon families counted per unquoted match, with their feature names.
    private static let matchKeys: [(LexiconCategory, String)] = [
        (.action, "actions"), (.hedge, "hedges"), (.booster, "boosters"), (.absolute, "absolutes"),
        (.traitLabel, "traitLabels"), (.jargon, "jargon"), (.vagueQualifier, "vague"), (.perspective, "perspective"),
        (.temporalFrame, "temporal"), (.concreteAnchor, "anchors"), (.filler, "fillers"),
    ]

    /// The words behind the explanation-quality and the certainty features.
    struct Evidence {
        var quality: FeatureEvidence
        var certainty: FeatureEvidence
        /// Which certainty features' words are recorded (see `CertaintyFeatures.shownEvidence`).
        let certaintyShown: [Bool]

        init(_ context: AnalysisContext, certaintyShown: [Bool]) {
            quality = FeatureEvidence(context)
            certainty = FeatureEvidence(context)
            self.certaintyShown = certaintyShown
        }
    }

    /// Counts kept in local tallies while scanning, so each feature name is hashed once when written;
    /// `evidence` collects the words behind the explanation-quality and certainty features.
    static func features(of context: AnalysisContext, evidence: inout Evidence) -> [String: Double] {
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
        addCausalLinks(context, into: &counts, evidence: &evidence.quality)
        addPunctuation(context, into: &counts)
        counts["hedgeRate"] = hedges / max(words, 1) * 10
        counts["boosterRate"] = boosters / max(words, 1) * 10
        let dontKnow = isDontKnow(context)
        counts["dontKnow"] = dontKnow ? 1 : 0
        if dontKnow, !context.tokens.isEmpty { evidence.quality.add(0, context.tokens.count, rule: "quality.dont-know") }
        counts["has.traitLabel"] = traitLabels > 0 ? 1 : 0
        counts["has.hedge"] = hedges > 0 ? 1 : 0
        ExplanationDepthFeatures.add(context, into: &counts, evidence: &evidence.quality)
        NamedStateFeatures.add(context, into: &counts, evidence: &evidence.quality)
        CertaintyFeatures.add(context, into: &counts, evidence: &evidence.certainty, shown: evidence.certaintyShown)
        return counts
    }

    /// A causal marker followed in its sentence by a mental state (a state cause) or not (an event cause).
    private static func addCausalLinks(_ context: AnalysisContext, into counts: inout [String: Double],
                                       evidence: inout FeatureEvidence) {
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
                if token.isShout { shouted += 1 }
                if token.startsWithDigit { numbers += 1 }
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
