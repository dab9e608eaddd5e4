import Foundation
import MentalizeCore
import Testing

/// The canonical encoding and its fixed time format.
struct AuditEncodingTests {
    func event(recordType: String = "sessionNote", recordID: String? = "note-1", requestID: String = "req-1",
               patient: PatientID? = AuditFixtures.patient, detail: String? = nil) -> AuditEvent {
        AuditEvent(sequence: 1, actorID: AuditFixtures.actor, actorRole: .therapist, patientID: patient,
                   recordType: recordType, recordID: recordID, action: .read, outcome: .allowed,
                   time: Date(timeIntervalSince1970: 1_800_000_000.123456), requestID: requestID, breakGlass: false, detail: detail)
    }

    @Test("a detail is hashed after the break-glass byte; events without one hash as before details existed")
    func detailHash() throws {
        // setup: expected value computed with Python's hashlib: the documented layout, then the detail length-prefixed
        let expected = "9a808a3eb4e6c483dea206bc633217c0a1ca000fca7ca76c68039fdaa52e22dd"
        // act
        let row = try AuditChain.row(for: event(detail: "disabled"), after: nil)
        // verify
        #expect(row.hash.map { String(format: "%02x", $0) }.joined() == expected)
        #expect(AuditCanonicalEncoding.encode(event(detail: "disabled")) != AuditCanonicalEncoding.encode(event(detail: "enabled")))
        #expect(AuditCanonicalEncoding.encode(event(detail: "")) != AuditCanonicalEncoding.encode(event()), "an empty detail is not an absent one")
    }

    @Test("the first row's hash matches an independently computed SHA-256 of the documented layout")
    func knownHash() throws {
        // setup: expected value computed with Python's hashlib from the layout in AuditCanonicalEncoding's doc
        let expected = "7be13a574d3d14f33cca63403117d51e2bf2787ee7ecea9fd0bee1eb2546df5d"
        // act
        let row = try AuditChain.row(for: event(), after: nil)
        // verify
        #expect(row.hash.map { String(format: "%02x", $0) }.joined() == expected)
        #expect(row.previousHash == AuditChain.genesisHash)
    }

    @Test("the time format is fixed: UTC, microseconds", arguments: [
        (0.0, "1970-01-01T00:00:00.000000Z"),
        (1_800_000_000.123456, "2027-01-15T08:00:00.123456Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500000Z"),
        (-946_728_000.0, "1940-01-01T12:00:00.000000Z"),
    ])
    func timeFormat(seconds: Double, text: String) {
        #expect(AuditTime.iso8601(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test("field boundaries are unambiguous: moving characters between fields changes the bytes")
    func unambiguous() {
        let a = AuditCanonicalEncoding.encode(event(recordType: "ab", recordID: "c"))
        let b = AuditCanonicalEncoding.encode(event(recordType: "a", recordID: "bc"))
        let absent = AuditCanonicalEncoding.encode(event(recordID: nil))
        let empty = AuditCanonicalEncoding.encode(event(recordID: ""))
        #expect(a != b)
        #expect(absent != empty)
        #expect(AuditCanonicalEncoding.encode(event(patient: nil)) != AuditCanonicalEncoding.encode(event()))
    }

    @Test("encoding is deterministic and survives a round trip of the time through a Double")
    func deterministic() {
        let original = event()
        let reloaded = AuditEvent(sequence: 1, actorID: original.actorID, actorRole: original.actorRole,
                                  patientID: original.patientID, recordType: original.recordType,
                                  recordID: original.recordID, action: original.action, outcome: original.outcome,
                                  time: Date(timeIntervalSince1970: original.time.timeIntervalSince1970),
                                  requestID: original.requestID, breakGlass: original.breakGlass)
        #expect(AuditCanonicalEncoding.encode(original) == AuditCanonicalEncoding.encode(reloaded))
    }

    @Test("times stored as integer microseconds come back hashing identically, across a range of dates")
    func microsecondRoundTrip() throws {
        for seconds in stride(from: -2_000_000_000.0, through: 4_000_000_000.0, by: 123_456_789.123_457) {
            // setup
            let original = event()
            let stamped = AuditEvent(sequence: 1, actorID: original.actorID, actorRole: original.actorRole,
                                     patientID: original.patientID, recordType: original.recordType,
                                     recordID: original.recordID, action: original.action, outcome: original.outcome,
                                     time: Date(timeIntervalSince1970: seconds), requestID: original.requestID,
                                     breakGlass: false)
            // act
            let stored = AuditTime.microseconds(stamped.time)
            let reloaded = AuditEvent(sequence: 1, actorID: stamped.actorID, actorRole: stamped.actorRole,
                                      patientID: stamped.patientID, recordType: stamped.recordType,
                                      recordID: stamped.recordID, action: stamped.action, outcome: stamped.outcome,
                                      time: AuditTime.date(fromMicroseconds: stored), requestID: stamped.requestID,
                                      breakGlass: false)
            // verify
            #expect(AuditCanonicalEncoding.encode(reloaded) == AuditCanonicalEncoding.encode(stamped))
            #expect(AuditTime.iso8601(reloaded.time) == AuditTime.iso8601(stamped.time))
        }
    }

    @Test("the audit outcome follows the access decision")
    func outcomeFromDecision() {
        #expect(AuditOutcome(.allow(.caseload)) == .allowed)
        #expect(AuditOutcome(.deny(.noRelationship)) == .denied)
    }
}
