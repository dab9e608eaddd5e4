import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The door to one session's records (attendance, notes) through ``PatientAccess``. An individual
/// session is the patient's record (one audited decision). A group session belongs to the group:
/// only its therapists (and their supervisors) reach it at all, and each member's part is then
/// decided and audited on its own, with the group's id so co-therapy applies.
struct SessionAccess {
    let request: Request
    let access: PatientAccess
    let loader: ScheduleLoader

    /// A session opened for `action`, with the patients whose records the user may see in it.
    struct Opened {
        let session: ScheduledSession
        /// The patient of an individual session.
        let patient: Patient?
        /// Group members on the session's date whose records the user may reach (by initials order).
        let members: [Patient]
        /// Every member on the date (their names are needed for the initials and name checks).
        let allMembers: [Patient]
    }

    static func make(_ request: Request) async throws -> SessionAccess {
        let access = try request.patientAccess()
        return SessionAccess(request: request, access: access, loader: try await request.scheduleLoader())
    }

    /// Loads and authorises the session in the path; 404 (audited when a patient is concerned)
    /// for a missing session or one out of scope.
    func open(for action: AccessAction) async throws -> Opened {
        guard let key = request.parameters.get("sessionKey").flatMap(SessionKey.init(text:)), let session = try await loader.session(key) else {
            throw Abort(.notFound)
        }
        if let patientID = session.patientID {
            let patient = try await access.staffPatient(patientID, for: action, kind: .sessionNote)
            return Opened(session: session, patient: patient, members: [], allMembers: [])
        }
        guard let groupID = session.groupID, try await runsOrSupervises(groupID) else { throw Abort(.notFound) }
        let all = try await GroupRosterQueries(database: request.db).members(of: groupID, at: session.slot.start)
        var allowed: [Patient] = []
        for patient in all {
            let id = try patient.requireID()
            let decision = AccessPolicy.decide(actor: access.actor, action: action, record: RecordDescriptor(kind: .sessionNote, patientID: PatientID(id), groupID: GroupID(groupID)),
                                               facts: try await access.facts(), now: request.now)
            if decision.isAllowed {
                try await access.authorize(action, RecordDescriptor(kind: .sessionNote, patientID: PatientID(id), groupID: GroupID(groupID)), recordType: RecordKind.sessionNote.rawValue, recordID: key.description)
                allowed.append(patient)
            }
        }
        return Opened(session: session, patient: nil, members: allowed, allMembers: all)
    }

    /// True when the user runs the group now, or supervises a therapist who does.
    func runsOrSupervises(_ groupID: UUID) async throws -> Bool {
        let now = request.now
        let therapists = try await GroupRosterQueries(database: request.db).currentTherapists(of: groupID, at: now).map { $0.$therapist.id }
        if therapists.contains(access.user.id) { return true }
        let supervised = try await access.facts().supervision.filter { $0.period.isCurrent(at: now) }.map(\.therapistID.rawValue)
        return !Set(supervised).isDisjoint(with: therapists)
    }
}

extension Request {
    /// The schedule loader for the signed-in user's clinic.
    func scheduleLoader() async throws -> ScheduleLoader {
        let user = try requireWebUser()
        if let cached = storage[ScheduleLoaderKey.self] { return cached }
        let loader = try await ScheduleLoader.make(database: db, clinicID: user.user.$clinic.id)
        storage[ScheduleLoaderKey.self] = loader
        return loader
    }
}

struct ScheduleLoaderKey: StorageKey {
    typealias Value = ScheduleLoader
}
