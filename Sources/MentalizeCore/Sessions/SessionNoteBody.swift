/// What every MBT session note records: interventions used, observed mentalizing, a narrative,
/// the risk update and the plan.
public struct SessionNoteBody: Hashable, Sendable, Codable {
    public static let narrativeLimit = 20_000
    public static let planLimit = 4000

    public let interventions: Set<MBTIntervention>
    public let observed: ObservedMentalizing
    public let narrative: String
    public let risk: RiskUpdate?
    public let plan: String

    public init(interventions: Set<MBTIntervention> = [], observed: ObservedMentalizing = .none, narrative: String = "",
                risk: RiskUpdate? = nil, plan: String = "") throws(NoteRefusal) {
        let narrative = NoteText.clean(narrative)
        let plan = NoteText.clean(plan)
        guard narrative.count <= Self.narrativeLimit else { throw .tooLong(field: .sessionSummary, limit: Self.narrativeLimit) }
        guard plan.count <= Self.planLimit else { throw .tooLong(field: .plan, limit: Self.planLimit) }
        self.interventions = interventions
        self.observed = observed
        self.narrative = narrative
        self.risk = risk
        self.plan = plan
    }

    /// What is missing before signing.
    var signingProblems: [NoteGap] {
        var problems: [NoteGap] = []
        if interventions.isEmpty { problems.append(.intervention) }
        if risk == nil { problems.append(.riskUpdate) }
        if plan.isEmpty { problems.append(.plan) }
        return problems
    }
}

/// A note on an individual session.
public struct IndividualSessionNote: SignableContent {
    public typealias SigningContext = Void

    public let body: SessionNoteBody

    public init(body: SessionNoteBody) { self.body = body }

    public func signingProblems(in context: Void) -> [NoteGap] { body.signingProblems }
}
