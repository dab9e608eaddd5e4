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

    /// How many notes `authorID` has drafted and not signed, counted in SQL (for the navigation).
    func draftCount(by authorID: UUID) async throws -> Int {
        try await SessionNoteRecord.query(on: database).filter(\.$author.$id == authorID).filter(\.$state == "draft").count()
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

    /// The clinic's groups by name; only those some of `therapists` run, when given.
    func groups(clinicID: UUID, runBy therapists: [UUID]?) async throws -> [TherapyGroup] {
        var query = TherapyGroup.query(on: database).filter(\.$clinic.$id == clinicID)
        if let therapists {
            let groupIDs = try await GroupTherapistRecord.query(on: database).filter(\.$therapist.$id ~~ therapists).all().map { $0.$group.id }
            query = query.filter(\.$id ~~ groupIDs)
        }
        return try await query.sort(\.$name).all()
    }

    /// Takes the patient off the group's waiting list (they joined).
    func removeFromWaitingList(groupID: UUID, patientID: UUID) async throws {
        try await WaitingListRecord.query(on: database).filter(\.$group.$id == groupID).filter(\.$patient.$id == patientID).delete()
    }

    /// The therapist's supervisors at `now`, with their accounts.
    func currentSupervisors(of therapistID: UUID, at now: Date) async throws -> [SupervisionLinkRecord] {
        try await SupervisionLinkRecord.query(on: database).filter(\.$therapist.$id == therapistID).filter(\.$startsAt <= now)
            .group(.or) { $0.filter(\.$endsAt == nil).filter(\.$endsAt > now) }.with(\.$supervisor).all()
    }

    /// The patient's attendance mark of one session, if there is one.
    func mark(of key: SessionKey, patientID: UUID) async throws -> AttendanceEntry? {
        try await AttendanceEntry.query(on: database).filter(\.$sourceID == key.source).filter(\.$sessionDate == key.date.description)
            .filter(\.$patient.$id == patientID).first()
    }

    /// Enabled therapists of the clinic.
    func therapists(clinicID: UUID) async throws -> [UserAccount] {
        try await UserAccount.query(on: database).filter(\.$clinic.$id == clinicID).filter(\.$disabledAt == nil).all()
            .filter { $0.roleNames.contains(Role.therapist.rawValue) }
    }

    /// The clinic's rooms by name.
    func rooms(clinicID: UUID) async throws -> [RoomRecord] {
        try await RoomRecord.query(on: database).filter(\.$clinic.$id == clinicID).sort(\.$name).all()
    }

    /// The patient records of an account (a patient's own).
    func patients(ofAccount userID: UUID) async throws -> [Patient] {
        try await Patient.query(on: database).filter(\.$user.$id == userID).all()
    }

    /// Every series of the clinic.
    func series(ofClinic clinicID: UUID) async throws -> [SessionSeriesRecord] {
        try await SessionSeriesRecord.query(on: database).filter(\.$clinic.$id == clinicID).all()
    }

    /// A group's weekly group series.
    func groupSeries(ofGroup groupID: UUID) async throws -> [SessionSeriesRecord] {
        try await SessionSeriesRecord.query(on: database).filter(\.$group.$id == groupID).filter(\.$kind == SeriesKind.group.rawValue).all()
    }

    /// The latest `limit` signed notes of the patient's individual sessions.
    func signedNotes(ofPatient patientID: UUID, limit: Int) async throws -> [SessionNoteRecord] {
        try await SessionNoteRecord.query(on: database).filter(\.$patient.$id == patientID).filter(\.$state == "signed")
            .sort(\.$sessionStart, .descending).limit(limit).all()
    }

    /// The latest `limit` signed notes of these groups' sessions.
    func signedNotes(ofGroups groupIDs: [UUID], limit: Int) async throws -> [SessionNoteRecord] {
        guard !groupIDs.isEmpty else { return [] }
        return try await SessionNoteRecord.query(on: database).filter(\.$group.$id ~~ groupIDs).filter(\.$state == "signed")
            .sort(\.$sessionStart, .descending).limit(limit).all()
    }

    /// The groups a patient has ever belonged to.
    func groupIDs(ofPatient patientID: UUID) async throws -> [UUID] {
        try await GroupMembershipRecord.query(on: database).filter(\.$patient.$id == patientID).all().map { $0.$group.id }
    }

    /// Whether anyone's attendance was marked for this session.
    func hasMarks(source: UUID, date: String) async throws -> Bool {
        try await AttendanceEntry.query(on: database).filter(\.$sourceID == source).filter(\.$sessionDate == date).count() > 0
    }

    /// Attendance marks of these patients' sessions since `since`.
    func marks(ofPatients patientIDs: [UUID], since: Date) async throws -> [AttendanceEntry] {
        guard !patientIDs.isEmpty else { return [] }
        return try await AttendanceEntry.query(on: database).filter(\.$patient.$id ~~ patientIDs).filter(\.$sessionStart >= since).all()
    }

    /// The change recorded for one session of a series (cancelled, moved, skipped), if any.
    func seriesChange(source: UUID, date: String) async throws -> SeriesChangeRecord? {
        try await SeriesChangeRecord.query(on: database).filter(\.$series.$id == source).filter(\.$originalDate == date).first()
    }

    /// Removes the change recorded for one session of a series (restoring it).
    func deleteSeriesChange(source: UUID, date: String) async throws {
        try await SeriesChangeRecord.query(on: database).filter(\.$series.$id == source).filter(\.$originalDate == date).delete()
    }

    /// Removes every change recorded for a series.
    func deleteSeriesChanges(seriesID: UUID) async throws {
        try await SeriesChangeRecord.query(on: database).filter(\.$series.$id == seriesID).delete()
    }

    /// The live calendar feed with this token, with its account.
    func calendarFeed(token: String) async throws -> CalendarFeedRecord? {
        try await CalendarFeedRecord.query(on: database).filter(\.$tokenHash == SecretToken.hash(token)).filter(\.$revokedAt == nil).with(\.$user).first()
    }

    /// The account's live calendar feeds.
    func calendarFeeds(of userID: UUID) async throws -> [CalendarFeedRecord] {
        try await CalendarFeedRecord.query(on: database).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).all()
    }

    /// These accounts.
    func accounts(_ ids: [UUID]) async throws -> [UserAccount] {
        guard !ids.isEmpty else { return [] }
        return try await UserAccount.query(on: database).filter(\.$id ~~ ids).all()
    }

    /// These patients (already scoped by the caller), by family then given name.
    func patients(_ ids: [UUID]) async throws -> [Patient] {
        guard !ids.isEmpty else { return [] }
        return try await Patient.query(on: database).filter(\.$id ~~ ids).sort(\.$familyName).sort(\.$givenName).all()
    }
}
