import Foundation
import MentalizeCore

/// Builds audit events and chains for the audit tests.
enum AuditFixtures {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let actor = UserID(UUID(uuidString: "00000000-0000-0000-0000-00000000000A") ?? UUID())
    static let patient = PatientID(UUID(uuidString: "00000000-0000-0000-0000-000000000101") ?? UUID())

    static func event(_ sequence: Int64) -> AuditEvent {
        AuditEvent(sequence: sequence, actorID: actor, actorRole: sequence % 3 == 0 ? .supervisor : .therapist,
                   patientID: sequence % 5 == 0 ? nil : patient, recordType: RecordKind.sessionNote.rawValue,
                   recordID: "note-\(sequence)", action: sequence % 2 == 0 ? .write : .read,
                   outcome: sequence % 7 == 0 ? .denied : .allowed,
                   time: start.addingTimeInterval(Double(sequence) * 0.25), requestID: "req-\(sequence)",
                   breakGlass: sequence % 11 == 0)
    }

    /// A valid chain of `count` rows.
    static func chain(_ count: Int) throws -> [AuditRow] {
        var rows: [AuditRow] = []
        rows.reserveCapacity(count)
        for sequence in 1...Int64(count) {
            rows.append(try AuditChain.row(for: event(sequence), after: rows.last))
        }
        return rows
    }

    /// `event` with one field replaced, for tamper trials.
    static func tampered(_ event: AuditEvent, field: String) -> AuditEvent {
        let other = UserID(UUID(uuidString: "00000000-0000-0000-0000-0000000000FF") ?? UUID())
        return AuditEvent(
            sequence: event.sequence,
            actorID: field == "actorID" ? other : event.actorID,
            actorRole: field == "actorRole" ? .admin : event.actorRole,
            patientID: field == "patientID" ? PatientID(other.rawValue) : event.patientID,
            recordType: field == "recordType" ? "formulation" : event.recordType,
            recordID: field == "recordID" ? "note-x" : event.recordID,
            action: field == "action" ? .export : event.action,
            outcome: field == "outcome" ? (event.outcome == .allowed ? .denied : .allowed) : event.outcome,
            time: field == "time" ? event.time.addingTimeInterval(0.000_001) : event.time,
            requestID: field == "requestID" ? "req-forged" : event.requestID,
            breakGlass: field == "breakGlass" ? !event.breakGlass : event.breakGlass)
    }

    static let fields = ["actorID", "actorRole", "patientID", "recordType", "recordID", "action", "outcome", "time",
                         "requestID", "breakGlass"]
}
