import Fluent
import Foundation
import MentalizeCore

/// The supervision log's reads and writes: a session and its supervisees saved together.
struct SupervisionLogStore {
    let database: any Database

    /// Saves an attested session with its supervisees and linked cases in one transaction; its id.
    func log(supervisor: UUID, heldOn: LocalDate, facts: SupervisionSessionFacts, material: String, cases: String, linked: Set<UUID>,
             supervisees: Set<UUID>, at now: Date) async throws -> UUID {
        let id = UUID()
        try await database.transaction { db in
            let record = SupervisionSessionRecord()
            record.id = id
            record.$supervisor.id = supervisor
            record.heldOn = heldOn.description
            record.minutes = facts.minutes
            if case .group = facts.format { record.format = "group" } else { record.format = "individual" }
            record.material = material
            record.casesText = cases
            record.attestedAt = now
            try await record.create(on: db)
            for therapist in supervisees.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await SupervisionAttendeeRecord(sessionID: id, therapistID: therapist).create(on: db)
            }
            for patient in linked.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await SupervisionCaseRecord(sessionID: id, patientID: patient).create(on: db)
            }
        }
        return id
    }

    /// The supervisor's sessions held on or after `since` (a clinic day), newest first, with their supervisees.
    func sessions(supervisor: UUID, since: LocalDate) async throws -> [(session: SupervisionSessionRecord, supervisees: [UUID])] {
        let sessions = try await SupervisionSessionRecord.query(on: database).filter(\.$supervisor.$id == supervisor)
            .filter(\.$heldOn >= since.description).sort(\.$heldOn, .descending).sort(\.$attestedAt, .descending).all()
        let ids = sessions.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let attendees = try await SupervisionAttendeeRecord.query(on: database).filter(\.$session.$id ~~ ids).all()
        return sessions.map { session in (session, attendees.filter { $0.$session.id == session.id }.map { $0.$therapist.id }) }
    }
}
