import Fluent
import Foundation
import MentalizeCore

/// Reads and writes fidelity material and ratings.
struct FidelityStore {
    let database: any Database

    func clip(_ id: UUID) async throws -> FidelityClipRecord? {
        try await FidelityClipRecord.find(id, on: database)
    }

    func rating(_ id: UUID) async throws -> FidelityRatingRecord? {
        try await FidelityRatingRecord.query(on: database).filter(\.$id == id).with(\.$clip).first()
    }

    /// Every rater asked for each clip, by clip.
    func ratings(of clipIDs: [UUID]) async throws -> [UUID: [FidelityRatingRecord]] {
        guard !clipIDs.isEmpty else { return [:] }
        let rows = try await FidelityRatingRecord.query(on: database).filter(\.$clip.$id ~~ Array(Set(clipIDs))).sort(\.$askedAt).all()
        return Dictionary(grouping: rows, by: { $0.$clip.id })
    }

    /// Ratings asked of `rater`, with their clips: still to do (oldest first) or submitted (newest first).
    func asked(of rater: UUID, submitted: Bool, limit: Int) async throws -> [FidelityRatingRecord] {
        let query = FidelityRatingRecord.query(on: database).filter(\.$rater.$id == rater).with(\.$clip)
        if submitted {
            return try await query.filter(\.$submittedAt != nil).sort(\.$submittedAt, .descending).limit(limit).all()
        }
        return try await query.filter(\.$submittedAt == nil).sort(\.$askedAt).limit(limit).all()
    }

    /// The material of `therapist`'s sessions, oldest first.
    func clips(ofTherapist therapist: UUID) async throws -> [FidelityClipRecord] {
        try await FidelityClipRecord.query(on: database).filter(\.$therapist.$id == therapist).sort(\.$sessionStart).all()
    }

    func allClips() async throws -> [FidelityClipRecord] {
        try await FidelityClipRecord.query(on: database).sort(\.$sessionStart).all()
    }

    /// How many ratings `rater` still has to do.
    func openCount(rater: UUID) async throws -> Int {
        try await FidelityRatingRecord.query(on: database).filter(\.$rater.$id == rater).filter(\.$submittedAt == nil).count()
    }

    /// How many ratings each rater still has to do.
    func openLoad() async throws -> [UUID: Int] {
        let open = try await FidelityRatingRecord.query(on: database).filter(\.$submittedAt == nil).all()
        return Dictionary(grouping: open, by: { $0.$rater.id }).mapValues(\.count)
    }

    /// The policy's description of a clip's ratings: the rated therapist, the raters asked.
    static func descriptor(_ clip: FidelityClipRecord, raters: [FidelityRatingRecord]) -> RecordDescriptor {
        RecordDescriptor(kind: .fidelityRating, patientID: clip.$patient.id.map(PatientID.init), groupID: clip.$group.id.map(GroupID.init),
                         authorID: UserID(clip.$therapist.id), raterIDs: Set(raters.map { UserID($0.$rater.id) }))
    }

    /// A submitted rating as the core's, checked against its scale; nil while not submitted.
    static func coreRating(_ rating: FidelityRatingRecord, scale: FidelityScale) throws -> FidelityRating? {
        guard let json = rating.scoresJSON else { return nil }
        let scores = try JSONDecoder().decode([String: [String: Int]].self, from: Data(json.utf8))
        var byDimension: [FidelityDimension: [String: Int]] = [:]
        for (key, items) in scores { if let dimension = FidelityDimension(rawValue: key) { byDimension[dimension] = items } }
        return try FidelityRating(scale: scale, rater: rating.$rater.id.uuidString, material: rating.$clip.id.uuidString, scores: byDimension)
    }
}
