import Foundation
import MentalizeCore

/// Converts between the core's audit rows and the database records, exactly, so the chain can be
/// verified from what is stored.
enum AuditRecordMapping {
    struct Malformed: Error, CustomStringConvertible {
        let sequence: Int64
        let field: String
        var description: String { "audit row \(sequence): unreadable \(field)" }
    }

    static func record(for event: AuditEvent, previousHash: Data, hash: Data) -> AuditEventRecord {
        let record = AuditEventRecord()
        record.sequence = event.sequence
        record.occurredAtMicroseconds = AuditTime.microseconds(event.time)
        record.actorID = event.actorID.rawValue
        record.actorRole = event.actorRole.rawValue
        record.patientID = event.patientID?.rawValue
        record.recordType = event.recordType
        record.recordID = event.recordID
        record.action = event.action.rawValue
        record.outcome = event.outcome.rawValue
        record.requestID = event.requestID
        record.breakGlass = event.breakGlass
        record.detail = event.detail
        record.previousHash = hex(previousHash)
        record.hash = hex(hash)
        return record
    }

    static func row(from record: AuditEventRecord) throws -> AuditRow {
        let sequence = record.sequence
        guard let actor = record.actorID else { throw Malformed(sequence: sequence, field: "actor_id") }
        guard let role = Role(rawValue: record.actorRole) else { throw Malformed(sequence: sequence, field: "actor_role") }
        guard let action = AccessAction(rawValue: record.action) else { throw Malformed(sequence: sequence, field: "action") }
        guard let outcome = AuditOutcome(rawValue: record.outcome) else { throw Malformed(sequence: sequence, field: "outcome") }
        let time = AuditTime.date(fromMicroseconds: record.occurredAtMicroseconds)
        let event = AuditEvent(sequence: sequence, actorID: UserID(actor), actorRole: role, patientID: record.patientID.map(PatientID.init),
                               recordType: record.recordType, recordID: record.recordID, action: action, outcome: outcome,
                               time: time, requestID: record.requestID, breakGlass: record.breakGlass, detail: record.detail)
        return AuditRow(event: event, previousHash: try hashBytes(record.previousHash, sequence: sequence), hash: try hashBytes(record.hash, sequence: sequence))
    }

    static func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }

    static func hashBytes(_ text: String, sequence: Int64 = 0) throws -> Data {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next() {
            guard let low = iterator.next(), let h = hexValue(high), let l = hexValue(low) else {
                throw Malformed(sequence: sequence, field: "hash")
            }
            bytes.append(h << 4 | l)
        }
        guard bytes.count == 32 else { throw Malformed(sequence: sequence, field: "hash") }
        return Data(bytes)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
