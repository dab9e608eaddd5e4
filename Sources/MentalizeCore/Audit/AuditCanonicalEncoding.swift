public import Foundation

/// The canonical byte encoding of an `AuditEvent`: deterministic and unambiguous.
///
/// Layout: the 4-byte tag `MZA1`, then the sequence as an 8-byte big-endian integer, then each field
/// in a fixed order as a 4-byte big-endian length followed by its UTF-8 bytes. Optional fields are
/// preceded by one byte, 0 (absent) or 1 (present). The break-glass flag is one byte 0 or 1. UUIDs
/// are upper-case strings, the time is `AuditTime.iso8601` (microseconds, UTC). An event with a
/// detail has it last, length-prefixed; an event without one ends at the break-glass byte, so
/// events written before details existed hash exactly as they did.
public enum AuditCanonicalEncoding {
    static let tag: [UInt8] = Array("MZA1".utf8)

    /// The canonical bytes of `event`.
    public static func encode(_ event: AuditEvent) -> Data {
        var bytes = tag
        append(integer: UInt64(bitPattern: event.sequence), byteCount: 8, to: &bytes)
        append(string: event.actorID.rawValue.uuidString, to: &bytes)
        append(string: event.actorRole.rawValue, to: &bytes)
        append(optional: event.patientID?.rawValue.uuidString, to: &bytes)
        append(string: event.recordType, to: &bytes)
        append(optional: event.recordID, to: &bytes)
        append(string: event.action.rawValue, to: &bytes)
        append(string: event.outcome.rawValue, to: &bytes)
        append(string: AuditTime.iso8601(event.time), to: &bytes)
        append(string: event.requestID, to: &bytes)
        bytes.append(event.breakGlass ? 1 : 0)
        if let detail = event.detail { append(string: detail, to: &bytes) }
        return Data(bytes)
    }

    private static func append(integer: UInt64, byteCount: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: (byteCount - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: integer >> UInt64(shift)))
        }
    }

    private static func append(string: String, to bytes: inout [UInt8]) {
        let utf8 = Array(string.utf8)
        append(integer: UInt64(utf8.count), byteCount: 4, to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    private static func append(optional: String?, to bytes: inout [UInt8]) {
        guard let optional else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        append(string: optional, to: &bytes)
    }
}
