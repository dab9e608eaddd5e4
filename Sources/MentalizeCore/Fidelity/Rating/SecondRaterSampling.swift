public import Foundation

/// A piece of material already rated (or being rated) by someone.
public struct RatedMaterial: Hashable, Sendable {
    public let id: UUID
    /// The therapist whose session it is: never their own rater.
    public let therapist: UserID
    public let raters: Set<UserID>

    public init(id: UUID, therapist: UserID, raters: Set<UserID>) {
        self.id = id
        self.therapist = therapist
        self.raters = raters
    }
}

/// Why a sample cannot be drawn (the app words it for the lead).
public enum SamplingError: Error, Equatable, Sendable {
    /// The share is not above 0 and at most 1 (1 % to 100 %).
    case shareOutOfRange
}

/// The lead's sample for double rating: a share of the material that has exactly one rater gets a
/// second one, drawn at random, each from the pool's least-loaded rater who is neither the therapist
/// nor the first rater.
public enum SecondRaterSampling {
    /// The second raters for `share` (0 < share ≤ 1) of the single-rated material, rounded up.
    /// `load` is how many ratings each rater already has to do. Material no one in the pool may
    /// second-rate is left out.
    public static func draw<G: RandomNumberGenerator>(from materials: [RatedMaterial], share: Double, pool: [UserID], load: [UserID: Int],
                                                      using generator: inout G) throws(SamplingError) -> [(material: UUID, rater: UserID)] {
        guard share > 0, share <= 1 else { throw .shareOutOfRange }
        let single = materials.filter { $0.raters.count == 1 }.sorted { $0.id.uuidString < $1.id.uuidString }
        let wanted = Int((Double(single.count) * share).rounded(.up))
        var load = load
        var picks: [(material: UUID, rater: UserID)] = []
        for material in single.shuffled(using: &generator) where picks.count < wanted {
            let eligible = pool.filter { $0 != material.therapist && !material.raters.contains($0) }.shuffled(using: &generator)
            guard let rater = eligible.min(by: { load[$0, default: 0] < load[$1, default: 0] }) else { continue }
            load[rater, default: 0] += 1
            picks.append((material.id, rater))
        }
        return picks
    }
}
