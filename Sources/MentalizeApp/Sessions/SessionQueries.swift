import Fluent
import Foundation
import MentalizeCore

/// The session tables as the session pages read them: attendance marks, notes, process notes,
/// series, memberships and waiting lists. Access is decided by the caller.
struct SessionQueries {
    let database: any Database

    /// Attendance marks of one session.
    func marks(of key: SessionKey) async throws -> [AttendanceEntry] {
        try await AttendanceEntry.query(on: database).filter(\.$sourceID == key.source).filter(\.$sessionDate == key.date.description).all()
    }

    /// Attendance marks of these sources on these dates (a schedule's sessions).
    func marks(sources: [UUID], dates: [String]) async throws -> [AttendanceEntry] {
        guard !sources.isEmpty else { return [] }
        return try await AttendanceEntry.query(on: database).filter(\.$sourceID ~~ sources).filter(\.$sessionDate ~~ Array(Set(dates))).all()
    }

    /// Every attendance mark of a patient.
    func marks(ofPatient patientID: UUID) async throws -> [AttendanceEntry] {
        try await AttendanceEntry.query(on: database).filter(\.$patient.$id == patientID).all()
    }

    /// Every attendance mark of a group's sessions.
    func marks(ofGroup groupID: UUID) async throws -> [AttendanceEntry] {
        try await AttendanceEntry.query(on: database).filter(\.$group.$id == groupID).all()
    }

    /// The process notes of a session that this user wrote or is named to supervise, oldest first.
    func processNotes(of key: SessionKey, readableBy userID: UUID) async throws -> [ProcessNoteRecord] {
        try await ProcessNoteRecord.query(on: database).filter(\.$sourceID == key.source).filter(\.$sessionDate == key.date.description)
            .group(.or) { $0.filter(\.$author.$id == userID).filter(\.$namedSupervisor.$id == userID) }.sort(\.$createdAt).all()
    }

    /// Notes of a patient's sessions since `start`.
    func notes(ofPatient patientID: UUID, since start: Date) async throws -> [SessionNoteRecord] {
        try await SessionNoteRecord.query(on: database).filter(\.$patient.$id == patientID).filter(\.$sessionStart >= start).all()
    }

    /// Notes of a group's sessions since `start`.
    func notes(ofGroup groupID: UUID, since start: Date) async throws -> [SessionNoteRecord] {
        try await SessionNoteRecord.query(on: database).filter(\.$group.$id == groupID).filter(\.$sessionStart >= start).all()
    }

    /// Notes of these sources' sessions since `start`.
    func notes(sources: [UUID], since start: Date) async throws -> [SessionNoteRecord] {
        guard !sources.isEmpty else { return [] }
        return try await SessionNoteRecord.query(on: database).filter(\.$sourceID ~~ sources).filter(\.$sessionStart >= start).all()
    }

    /// This author's unsigned drafts, oldest session first.
    func drafts(by authorID: UUID, limit: Int) async throws -> [SessionNoteRecord] {
        try await SessionNoteRecord.query(on: database).filter(\.$author.$id == authorID).filter(\.$state == "draft").sort(\.$sessionStart).limit(limit).all()
    }

    /// A patient's individual series.
    func series(ofPatient patientID: UUID) async throws -> [SessionSeriesRecord] {
        try await SessionSeriesRecord.query(on: database).filter(\.$patient.$id == patientID).all()
    }

    /// A group's series, first date first.
    func series(ofGroup groupID: UUID) async throws -> [SessionSeriesRecord] {
        try await SessionSeriesRecord.query(on: database).filter(\.$group.$id == groupID).sort(\.$firstDate).all()
    }

    /// Every membership spell of a group, with its patient, by join date.
    func spells(ofGroup groupID: UUID) async throws -> [GroupMembershipRecord] {
        try await GroupMembershipRecord.query(on: database).filter(\.$group.$id == groupID).with(\.$patient).sort(\.$joinedAt).all()
    }

    /// A group's waiting list, with patients, longest waiting first.
    func waitingList(ofGroup groupID: UUID) async throws -> [WaitingListRecord] {
        try await WaitingListRecord.query(on: database).filter(\.$group.$id == groupID).with(\.$patient).sort(\.$addedAt).all()
    }

    /// These patients (already scoped by the caller), by family then given name.
    func patients(_ ids: [UUID]) async throws -> [Patient] {
        guard !ids.isEmpty else { return [] }
        return try await Patient.query(on: database).filter(\.$id ~~ ids).sort(\.$familyName).sort(\.$givenName).all()
    }
}
