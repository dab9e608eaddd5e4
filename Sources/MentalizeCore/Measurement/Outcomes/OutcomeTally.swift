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
/// rate built on one, so that no patient can be picked out of a small group.
public struct PublishedCount: Sendable, Equatable {
    public static let threshold = 5

    public let count: Int
    public let of: Int

    public init(_ count: Int, of total: Int) {
        self.count = count
        self.of = total
    }

    public var isSuppressed: Bool { count < Self.threshold || of < Self.threshold }

    /// "12", or "< 5".
    public var countText: String { count < Self.threshold ? "< \(Self.threshold)" : String(count) }

    /// "48%", or nil when the count or its total is too small to show.
    public var rateText: String? {
        guard !isSuppressed, of > 0 else { return nil }
        return "\(Int((Double(count) / Double(of) * 100).rounded()))%"
    }
}
