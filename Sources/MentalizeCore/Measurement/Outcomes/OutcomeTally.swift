import Foundation

/// How a group of patients changed on one instrument, for the programme's outcome figures: each
/// patient with at least two administrations is read first against latest with the instrument's
/// reliable-change index, in both directions. Reliable recovery is Jacobson–Truax clinically
/// significant change: a reliable improvement that also crosses the cut-off from the clinical
/// range to outside it. Every recovered patient is also counted as reliably improved.
public struct OutcomeTally: Sendable, Equatable {
    public let instrumentId: String
    /// Patients with two or more administrations on the scale (the denominator).
    public private(set) var patients = 0
    public private(set) var reliablyImproved = 0
    public private(set) var recovered = 0
    public private(set) var noReliableChange = 0
    public private(set) var deteriorated = 0
    /// Patients with a single administration: not counted in the rates, but said.
    public private(set) var singleAdministration = 0

    public init(instrumentId: String) {
        self.instrumentId = instrumentId
    }

    /// Tallies each patient's administrations (any order) on one scale (the primary when nil).
    public static func of(_ definition: InstrumentDefinition, scaleId: String? = nil, patients: [[ChangeOverTime.Administration]]) throws -> OutcomeTally {
        var tally = OutcomeTally(instrumentId: definition.id)
        for administrations in patients where !administrations.isEmpty {
            let sorted = administrations.sorted { $0.date < $1.date }
            guard let first = sorted.first, let last = sorted.last, sorted.count >= 2 else {
                tally.singleAdministration += 1
                continue
            }
            let change = try ReliableChange.compare(definition, scaleId: scaleId, from: first.score, to: last.score)
            tally.patients += 1
            switch change.outcome {
            case .recovered:
                tally.recovered += 1
                tally.reliablyImproved += 1
            case .improved: tally.reliablyImproved += 1
            case .noReliableChange: tally.noReliableChange += 1
            case .deteriorated: tally.deteriorated += 1
            }
        }
        return tally
    }
}

/// A count as the programme may publish it: counts under `threshold` (5) are not shown, nor is a
/// rate built on one, so that no patient can be picked out of a small group. A count may also be
/// withheld because showing it would give away a small one (see ``partition(_:of:)``).
public struct PublishedCount: Sendable, Equatable {
    public static let threshold = 5

    public let count: Int
    public let of: Int
    /// Withheld although not small: the complement of a small count in a partition.
    public let withheld: Bool

    public init(_ count: Int, of total: Int, withheld: Bool = false) {
        self.count = count
        self.of = total
        self.withheld = withheld
    }

    public var isSmall: Bool { count < Self.threshold || of < Self.threshold }
    public var isSuppressed: Bool { isSmall || withheld }

    /// "12", "< 5", or "withheld".
    public var countText: String {
        if isSmall { return "< \(Self.threshold)" }
        return withheld ? "withheld" : String(count)
    }

    /// "48%", or nil when the count is not shown.
    public var rateText: String? {
        guard !isSuppressed, of > 0 else { return nil }
        return "\(Int((Double(count) / Double(of) * 100).rounded()))%"
    }

    /// Counts that add up to `total` (which is shown): when exactly one of them is small, the
    /// smallest of the others is withheld too, or the small one could be worked out by subtraction.
    public static func partition(_ counts: [Int], of total: Int) -> [PublishedCount] {
        var published = counts.map { PublishedCount($0, of: total) }
        let small = published.indices.filter { published[$0].isSmall }
        if small.count == 1, let complement = published.indices.filter({ !published[$0].isSmall }).min(by: { published[$0].count < published[$1].count }) {
            published[complement] = PublishedCount(counts[complement], of: total, withheld: true)
        }
        return published
    }
}

extension OutcomeTally {
    /// The tally as it may be shown: improved, no change and deteriorated partition the patients;
    /// recovered is part of improved, so it is withheld when the improved-but-not-recovered rest
    /// would be small (the rest could be worked out from the two).
    public struct Published: Sendable, Equatable {
        public let patients: PublishedCount
        public let improved: PublishedCount
        public let recovered: PublishedCount
        public let noReliableChange: PublishedCount
        public let deteriorated: PublishedCount
    }

    public var published: Published {
        let split = PublishedCount.partition([reliablyImproved, noReliableChange, deteriorated], of: patients)
        let rest = reliablyImproved - recovered
        let recoveredShown = PublishedCount(recovered, of: patients,
                                            withheld: split[0].isSuppressed || (rest > 0 && rest < PublishedCount.threshold))
        return Published(patients: PublishedCount(patients, of: patients), improved: split[0], recovered: recoveredShown,
                         noReliableChange: split[1], deteriorated: split[2])
    }
}
