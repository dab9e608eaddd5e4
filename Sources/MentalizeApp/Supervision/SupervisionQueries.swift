import Fluent
import Foundation
import MentalizeCore

/// The queries behind the supervisor's page: process notes whose author named this supervisor
/// (never their text: it stays sealed until one is opened), and supervisees' caseload sizes.
struct SupervisionQueries {
    let database: any Database

    /// Process notes naming `supervisorID`, newest first, without their sealed text.
    func processNotes(namingSupervisor supervisorID: UUID, limit: Int) async throws -> [ProcessNoteRecord] {
        try await ProcessNoteRecord.query(on: database).filter(\.$namedSupervisor.$id == supervisorID)
            .field(\.$id).field(\.$patient.$id).field(\.$author.$id).field(\.$namedSupervisor.$id).field(\.$sourceID).field(\.$sessionDate).field(\.$createdAt)
            .sort(\.$createdAt, .descending).limit(limit).all()
    }

    /// The supervisor's links in force now, oldest first.
    func currentLinks(supervisor supervisorID: UUID, at now: Date) async throws -> [SupervisionLinkRecord] {
        try await SupervisionLinkRecord.query(on: database).filter(\.$supervisor.$id == supervisorID).sort(\.$startsAt).all()
            .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }
    }

    /// The therapists' caseload rows in force now.
    func currentCaseloads(of therapists: [UUID], at now: Date) async throws -> [CaseloadAssignmentRecord] {
        guard !therapists.isEmpty else { return [] }
        return try await CaseloadAssignmentRecord.query(on: database).filter(\.$therapist.$id ~~ therapists).all()
            .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }
    }

    /// How many patients each therapist has on their caseload now.
    func caseloadSizes(of therapists: [UUID], at now: Date) async throws -> [UUID: Int] {
        try await currentCaseloads(of: therapists, at: now).reduce(into: [:]) { sizes, row in sizes[row.$therapist.id, default: 0] += 1 }
    }

    /// The patients discussed in each of these logged sessions.
    func linkedCases(of sessions: [UUID]) async throws -> [UUID: [UUID]] {
        guard !sessions.isEmpty else { return [:] }
        let rows = try await SupervisionCaseRecord.query(on: database).filter(\.$session.$id ~~ sessions).all()
        return Dictionary(grouping: rows, by: { $0.$session.id }).mapValues { $0.map { $0.$patient.id } }
    }

    /// Group names by id, for naming a group note in the review queue.
    func groupNames(_ ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let groups = try await TherapyGroup.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(groups.compactMap { group in group.id.map { ($0, group.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
